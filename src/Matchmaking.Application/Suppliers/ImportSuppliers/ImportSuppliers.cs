using System.Diagnostics;
using System.Text.Json;
using Matchmaking.Application.Common.Behaviors;
using Matchmaking.Application.Common.Csv;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Json;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;
using MediatR;
using Microsoft.Extensions.Configuration;

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
/// </summary>
public sealed record ImportResultDto(int Accepted, int Updated, int Rejected, int Batches, long ElapsedMs, IReadOnlyList<RejectedRow> RejectedRows);

public sealed record ImportSuppliersCommand(Stream Body, ImportFormat Format) : IRequest<ImportResultDto>;

/// <summary>
/// Streams the body (never buffered whole), validates each row exactly as a single create does, and writes
/// valid rows in batches with PostgreSQL COPY, upserting by NIB. A bad row is reported and skipped; a batch
/// the database refuses is rolled back whole and its rows reported, and the import goes on with the next.
/// </summary>
public sealed class ImportSuppliersCommandHandler(ISupplierBulkWriter writer, ReferenceCatalog catalog, TimeProvider clock, IConfiguration configuration)
    : IRequestHandler<ImportSuppliersCommand, ImportResultDto>
{
    public const int MaxReportedRejections = 1000;

    public async Task<ImportResultDto> Handle(ImportSuppliersCommand request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var batchSize = Math.Max(1, configuration.GetValue("Import:BatchSize", 5000));
        var validator = new SupplierInputValidator(catalog);
        var rejected = new List<RejectedRow>();
        int accepted = 0, updated = 0, rejectedCount = 0, batches = 0;
        var batch = new List<(int Line, Supplier Supplier)>(batchSize);
        var nibsInBatch = new Dictionary<string, int>(StringComparer.Ordinal);

        void Reject(int line, string? nib, IDictionary<string, string[]> errors)
        {
            rejectedCount++;
            if (rejected.Count < MaxReportedRejections)
            {
                rejected.Add(new RejectedRow(line, nib, errors));
            }
        }

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            batches++;
            try
            {
                var (inserted, replaced) = await writer.UpsertAsync(batch.Select(b => b.Supplier).ToList(), cancellationToken);
                accepted += inserted;
                updated += replaced;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The writer rolled the whole batch back: every row of it is reported, none is stored.
                foreach (var (line, supplier) in batch)
                {
                    Reject(line, supplier.Nib, new Dictionary<string, string[]> { ["batch"] = [$"Batch {batches} was not stored: {FirstLine(exception.Message)}"] });
                }
            }

            batch.Clear();
            nibsInBatch.Clear();
        }

        var now = clock.GetUtcNow();
        await foreach (var (line, input, errors) in ReadAsync(request.Body, request.Format, cancellationToken))
        {
            if (input is null)
            {
                Reject(line, null, errors!);
                continue;
            }

            var result = await validator.ValidateAsync(input, cancellationToken);
            if (!result.IsValid)
            {
                Reject(line, input.Nib, result.Errors.GroupBy(e => FieldPath.ToClientPath(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
                continue;
            }

            if (nibsInBatch.TryGetValue(input.Nib!, out var firstLine))
            {
                Reject(line, input.Nib, new Dictionary<string, string[]> { ["nib"] = [$"NIB {input.Nib} already appears on line {firstLine} of this batch."] });
                continue;
            }

            try
            {
                var supplier = new Supplier(Guid.CreateVersion7(), input.ToProfile(), now);
                if (input.Active == false)
                {
                    supplier.Deactivate(now);
                }

                batch.Add((line, supplier));
                nibsInBatch[input.Nib!] = line;
            }
            catch (DomainRuleException rule)
            {
                Reject(line, input.Nib, new Dictionary<string, string[]> { [rule.Field] = [rule.Message] });
                continue;
            }

            if (batch.Count >= batchSize)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        return new ImportResultDto(accepted, updated, rejectedCount, batches, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, rejected);
    }

    private static async IAsyncEnumerable<(int Line, SupplierInput? Input, Dictionary<string, string[]>? Errors)> ReadAsync(
        Stream body, ImportFormat format, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        if (format == ImportFormat.Ndjson)
        {
            var line = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } text)
            {
                line++;
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
                    var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "row" : json.Path.TrimStart('$', '.');
                    errors = new() { [field] = [$"Invalid JSON: {FirstLine(json.Message)}"] };
                }

                yield return (line, input, errors);
            }

            yield break;
        }

        List<string>? header = null;
        await foreach (var (line, fields) in Rfc4180.ReadAsync(reader, cancellationToken))
        {
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

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
