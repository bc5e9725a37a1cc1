using System.Text;
using System.Text.Json;

namespace Matchmaking.Application.Common.Models;

/// <summary>
/// An opaque keyset cursor: the sort key of the last row of a page (name and id), base64url-encoded. Deep
/// pages then cost an index range scan instead of skipping every earlier row.
/// </summary>
public static class KeysetCursor
{
    public static string Encode(string name, Guid id) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new[] { name, id.ToString() }))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, out string name, out Guid id)
    {
        name = string.Empty;
        id = Guid.Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 1000)
        {
            return false;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var parts = JsonSerializer.Deserialize<string[]>(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            if (parts is not [{ } decodedName, { } decodedId] || !Guid.TryParse(decodedId, out id))
            {
                return false;
            }

            name = decodedName;
            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or DecoderFallbackException)
        {
            return false;
        }
    }
}
