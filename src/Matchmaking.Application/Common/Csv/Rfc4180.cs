using System.Text;

namespace Matchmaking.Application.Common.Csv;

/// <summary>
/// RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; quotes doubled.
/// Small enough to own; CsvHelper 34 (the feed's version) is a rewrite with a different API.
/// </summary>
public static class Rfc4180
{
    public static string FormatRow(IEnumerable<string?> fields) => string.Join(',', fields.Select(Quote));

    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>Reads records one at a time; a quoted field may span lines. Yields the 1-based line each record starts on.</summary>
    public static async IAsyncEnumerable<(int Line, List<string> Fields)> ReadAsync(
        TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            var startLine = line;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = new List<string>();
            var field = new StringBuilder();
            var inQuotes = false;
            var i = 0;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (inQuotes && await reader.ReadLineAsync(cancellationToken) is { } next)
                    {
                        line++;
                        field.Append('\n');
                        text = next;
                        i = 0;
                        continue;
                    }

                    fields.Add(field.ToString());
                    break;
                }

                var c = text[i];
                if (inQuotes)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    if (c == '"')
                    {
                        inQuotes = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    inQuotes = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }

                i++;
            }

            yield return (startLine, fields);
        }
    }

    /// <summary>
    /// Small embedded files, read whole first: over a <see cref="StringReader"/> every read has completed
    /// before it is awaited, so this waits on no I/O.
    /// </summary>
    public static List<List<string>> ReadAll(string text)
    {
        using var reader = new StringReader(text);
        var rows = new List<List<string>>();
        var enumerator = ReadAsync(reader).GetAsyncEnumerator();
        while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            rows.Add(enumerator.Current.Fields);
        }

        return rows;
    }
}
