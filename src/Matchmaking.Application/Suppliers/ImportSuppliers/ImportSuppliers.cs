using System.Text.Json;
using System.Threading.Channels;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Behaviors;
using Matchmaking.Application.Common.Csv;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Json;
using Matchmaking.Application.Events;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Matchmaking.Application.Suppliers.ImportSuppliers;

public enum ImportFormat
{
    Csv,
    Ndjson,
}

/// <summary>A row that was not stored, with its 1-based line number and why.</summary>
public sealed record RejectedRow(int Line, string? Nib, IDictionary<string, string[]> Errors);

/// <summary>
/// The outcome of an import. <c>rejectedRows</c> lists at most the first 1000 rejections;
/// <c>rejected</c> counts them all.
/// <c>rowsRead</c> = <c>accepted</c> + <c>updated</c> + <c>rejected</c>: every data line is accounted for.
/// </summary>
public sealed record ImportResultDto(int RowsRead, int Accepted, int Updated, int Rejected, int Batches, long ElapsedMs, IReadOnlyList<RejectedRow> RejectedRows);

/// <param name="InitialLoad">An (almost) empty registry: the search index is built once at the end instead of row by row.</param>
public sealed record ImportSuppliersCommand(Stream Body, ImportFormat Format, bool InitialLoad = false) : IRequest<ImportResultDto>;

/// <summary>
/// Streams the body (never buffered whole), validates each row exactly as a single create does, and writes
/// valid rows in batches with PostgreSQL COPY, upserting by NIB. A bad row is reported and skipped; a batch
/// the database refuses is rolled back whole and its rows reported, and the import goes on with the next.
/// </summary>
public sealed partial class ImportSuppliersCommandHandler(
    ISupplierBulkWriter writer, IApplicationDbContext db, ReferenceCatalog catalog, TimeProvider clock, IConfiguration configuration,
    MatchmakingMetrics metrics, ILogger<ImportSuppliersCommandHandler> logger)
    : IRequestHandler<ImportSuppliersCommand, ImportResultDto>
{
    public const int MaxReportedRejections = 1000;

    public async Task<ImportResultDto> Handle(ImportSuppliersCommand request, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var batchSize = Math.Max(1, configuration.GetValue("Import:BatchSize", 5000));
        var validator = new SupplierInputValidator(catalog);
        var report = new ImportReport();
        await using var searchIndex = request.InitialLoad ? await writer.DeferSearchIndexAsync(cancellationToken) : null;

        // Parsing and validating the next batch overlaps with writing the previous one: one batch in flight.
        var batches = Channel.CreateBounded<List<(int Line, Supplier Supplier)>>(1);
        var writing = WriteBatchesAsync(batches.Reader, report, cancellationToken);
        try
        {
            var batch = new List<(int Line, Supplier Supplier)>(batchSize);
            var nibsInBatch = new Dictionary<string, int>(StringComparer.Ordinal);
            var now = clock.GetUtcNow();
            await foreach (var (line, input, errors) in ReadAsync(request.Body, request.Format, cancellationToken))
            {
                report.Read();
                if (input is null)
                {
                    report.Reject(line, null, errors!);
                    continue;
                }

                FluentValidation.Results.ValidationResult result;
                try
                {
                    result = await validator.ValidateAsync(input, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A defect must not end the import: the row is reported, the defect logged with its stack.
                    LogRowFailed(exception, line);
                    report.Reject(line, input.Nib, new Dictionary<string, string[]> { ["row"] = ["This row could not be processed; quote the line number when reporting it."] });
                    continue;
                }

                if (!result.IsValid)
                {
                    report.Reject(line, input.Nib, result.Errors.GroupBy(e => FieldPath.ToClientPath(e.PropertyName))
                        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
                    continue;
                }

                if (nibsInBatch.TryGetValue(input.Nib!, out var firstLine))
                {
                    report.Reject(line, input.Nib, new Dictionary<string, string[]> { ["nib"] = [$"NIB {input.Nib} already appears on line {firstLine} of this batch."] });
                    continue;
                }

                try
                {
                    var supplier = new Supplier(Guid.CreateVersion7(), input.ToProfile(), now);
                    if (input.Active == false)
                    {
                        supplier.Deactivate();
                    }

                    batch.Add((line, supplier));
                    nibsInBatch[input.Nib!] = line;
                }
                catch (DomainRuleException rule)
                {
                    report.Reject(line, input.Nib, new Dictionary<string, string[]> { [rule.Field] = [rule.Message] });
                    continue;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRowFailed(exception, line);
                    report.Reject(line, input.Nib, new Dictionary<string, string[]> { ["row"] = ["This row could not be processed; quote the line number when reporting it."] });
                    continue;
                }

                if (batch.Count >= batchSize)
                {
                    await batches.Writer.WriteAsync(batch, cancellationToken);
                    batch = new List<(int Line, Supplier Supplier)>(batchSize);
                    nibsInBatch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await batches.Writer.WriteAsync(batch, cancellationToken);
            }
        }
        finally
        {
            batches.Writer.TryComplete();
            await writing;
        }

        var imported = report.ToResult((long)clock.GetElapsedTime(started).TotalMilliseconds);
        metrics.ImportedRows.Add(imported.Accepted + imported.Updated);

        // The batches have committed; their event must not be lost to a client that hangs up now.
        db.Events.Add(EventFactory.SupplierImported(Guid.CreateVersion7(), imported.RowsRead, imported.Accepted, imported.Updated, imported.Rejected, clock.GetUtcNow()));
        await db.SaveChangesAsync(CancellationToken.None);
        return imported;
    }

    /// <summary>
    /// Writes up to Import:BatchesInFlight batches at once (default 2), each in its own transaction, so PostgreSQL
    /// works on more than one core. A batch repeating a NIB of a batch still being written waits for it, so a later
    /// line still wins, as when batches go one at a time.
    /// </summary>
    private async Task WriteBatchesAsync(ChannelReader<List<(int Line, Supplier Supplier)>> reader, ImportReport report, CancellationToken cancellationToken)
    {
        var most = Math.Max(1, configuration.GetValue("Import:BatchesInFlight", 2));
        var inFlight = new List<(Task Writing, HashSet<string> Nibs)>();
        await foreach (var batch in reader.ReadAllAsync(cancellationToken))
        {
            var nibs = batch.Select(b => b.Supplier.Nib).ToHashSet(StringComparer.Ordinal);
            foreach (var (writing, _) in inFlight.Where(f => f.Nibs.Overlaps(nibs)).ToList())
            {
                await writing;
            }

            inFlight.RemoveAll(f => f.Writing.IsCompleted);
            if (inFlight.Count >= most)
            {
                await Task.WhenAny(inFlight.Select(f => f.Writing));
                inFlight.RemoveAll(f => f.Writing.IsCompleted);
            }

            inFlight.Add((WriteBatchAsync(batch, report.StartBatch(), report, cancellationToken), nibs));
        }

        await Task.WhenAll(inFlight.Select(f => f.Writing));
    }

    private async Task WriteBatchAsync(List<(int Line, Supplier Supplier)> batch, int number, ImportReport report, CancellationToken cancellationToken)
    {
        try
        {
            var (inserted, replaced) = await writer.UpsertAsync(batch.Select(b => b.Supplier).ToList(), cancellationToken);
            report.Stored(inserted, replaced);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The writer rolled the whole batch back: every row of it is reported, none is stored.
            foreach (var (line, supplier) in batch)
            {
                report.Reject(line, supplier.Nib, new Dictionary<string, string[]> { ["batch"] = [$"Batch {number} was not stored: {FirstLine(exception.Message)}"] });
            }
        }
    }

    /// <summary>Counts and the first rejections, shared by the reading and the writing side.</summary>
    private sealed class ImportReport
    {
        private readonly Lock _lock = new();
        private readonly List<RejectedRow> _rejected = [];
        private int _accepted;
        private int _updated;
        private int _rejectedCount;
        private int _batches;
        private int _read;

        public void Read() => Interlocked.Increment(ref _read);

        public void Reject(int line, string? nib, IDictionary<string, string[]> errors)
        {
            lock (_lock)
            {
                _rejectedCount++;
                if (_rejected.Count < MaxReportedRejections)
                {
                    _rejected.Add(new RejectedRow(line, nib, errors));
                }
            }
        }

        public int StartBatch() => Interlocked.Increment(ref _batches);

        public void Stored(int inserted, int updated)
        {
            Interlocked.Add(ref _accepted, inserted);
            Interlocked.Add(ref _updated, updated);
        }

        public ImportResultDto ToResult(long elapsedMs)
        {
            lock (_lock)
            {
                return new ImportResultDto(_read, _accepted, _updated, _rejectedCount, _batches, elapsedMs, _rejected.OrderBy(r => r.Line).ToList());
            }
        }
    }

    private static async IAsyncEnumerable<(int Line, SupplierInput? Input, Dictionary<string, string[]>? Errors)> ReadAsync(
        Stream body, ImportFormat format, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new BoundedLineReader(new StreamReader(body));
        if (format == ImportFormat.Ndjson)
        {
            var line = 0;
            var longLines = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } text)
            {
                line++;
                if (reader.LongLines > longLines)
                {
                    longLines = reader.LongLines;
                    yield return (line, null, LineTooLong);
                    continue;
                }

                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                SupplierInput? input = null;
                Dictionary<string, string[]>? errors = null;
                try
                {
                    input = JsonSerializer.Deserialize<SupplierInput>(text, JsonDefaults.Options);
                    if (input is null)
                    {
                        errors = new() { ["row"] = ["Each line must be a JSON object."] };
                    }
                }
                catch (JsonException json)
                {
                    var (field, message) = JsonErrors.Describe(json);
                    errors = new() { [field == "body" ? "row" : field] = [message] };
                }

                yield return (line, input, errors);
            }

            yield break;
        }

        List<string>? header = null;
        var longLinesBefore = 0;
        await foreach (var (line, fields) in Rfc4180.ReadAsync(reader, cancellationToken))
        {
            if (reader.LongLines > longLinesBefore)
            {
                longLinesBefore = reader.LongLines;
                if (header is null)
                {
                    throw new ValidationException("header", $"The header row is longer than {BoundedLineReader.MaxLineChars} characters.");
                }

                yield return (line, null, LineTooLong);
                continue;
            }

            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToList();
                var unknown = header.Except(SupplierCsvRow.Columns, StringComparer.Ordinal).ToList();
                if (unknown.Count > 0 || !header.Contains("nib") || !header.Contains("name"))
                {
                    throw new ValidationException("header", unknown.Count > 0
                        ? $"Unknown column(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", SupplierCsvRow.Columns)}."
                        : "The header row must name at least 'name' and 'nib'.");
                }

                continue;
            }

            var (input, errors) = SupplierCsvRow.Parse(header, fields);
            yield return (line, input, input is null ? errors : null);
        }
    }

    private static Dictionary<string, string[]> LineTooLong =>
        new() { ["row"] = [$"The line is longer than {BoundedLineReader.MaxLineChars} characters; it was skipped."] };

    [LoggerMessage(Level = LogLevel.Error, Message = "Import row on line {Line} failed unexpectedly")]
    private partial void LogRowFailed(Exception exception, int line);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
