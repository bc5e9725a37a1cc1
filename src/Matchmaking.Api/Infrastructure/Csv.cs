using System.Text;
using Matchmaking.Application.Common.Csv;
using Microsoft.Net.Http.Headers;

namespace Matchmaking.Api.Infrastructure;

/// <summary>A CSV response (UTF-8, RFC 4180, header row) for clients that send <c>Accept: text/csv</c>.</summary>
public sealed class CsvResult(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, string fileName) : IResult
{
    public const string ContentType = "text/csv";

    public const string ContentTypeWithCharset = "text/csv; charset=utf-8";

    public string FileName => fileName;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = ContentTypeWithCharset;
        httpContext.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        await httpContext.Response.Body.WriteAsync(ToBytes(), httpContext.RequestAborted);
    }

    public byte[] ToBytes()
    {
        var builder = new StringBuilder();
        builder.Append(Rfc4180.FormatRow(header)).Append("\r\n");
        foreach (var row in rows)
        {
            builder.Append(Rfc4180.FormatRow(row.Select(Neutralize))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>
    /// OWASP's CSV-injection rule: a cell a spreadsheet would run as a formula (it starts with =, @, +, -,
    /// tab or a line break) is prefixed with an apostrophe so it shows as text. Plain numbers (-7.7, +62)
    /// stay numbers. Stored values and JSON are unchanged.
    /// </summary>
    public static string? Neutralize(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return cell;
        }

        var formula = cell[0] switch
        {
            '=' or '@' or '\t' or '\r' or '\n' => true,
            '+' or '-' => !decimal.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
            _ => false,
        };
        return formula ? "'" + cell : cell;
    }

    /// <summary>True when the client prefers CSV to JSON (by Accept quality; CSV wins a tie when it is named).</summary>
    public static bool IsRequested(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string mediaType) => accept
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1)
            .DefaultIfEmpty(0)
            .Max();

        var csv = Quality(ContentType);
        return csv > 0 && csv >= Quality("application/json");
    }

    public static string Format(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Format(double? value) => value?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Format(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Format(Enum value) => Matchmaking.Application.Common.Validation.RuleExtensions.WireName(value.ToString());

    public static string Format(bool value) => value ? "true" : "false";

    public static string Format(DateOnly? value) => value?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

public static class CsvEndpoints
{
    /// <summary>
    /// The CSV twin of a list endpoint at <c>{pattern}/csv</c>: the same handler, answering as if the client had
    /// sent <c>Accept: text/csv</c>, so a generated client has a method that downloads the CSV as a file.
    /// </summary>
    public static RouteHandlerBuilder MapCsvTwin(this RouteGroupBuilder group, string pattern, Delegate handler, string operationName, string what) =>
        group.MapGet(pattern.TrimEnd('/') + "/csv", handler)
            .WithName(operationName + "Csv")
            .WithSummary($"{what} as CSV (the same as sending Accept: text/csv)")
            .AddEndpointFilter((context, next) =>
            {
                context.HttpContext.Request.Headers.Accept = CsvResult.ContentType;
                return next(context);
            })
            .Produces<string>(StatusCodes.Status200OK, CsvResult.ContentType);
}
