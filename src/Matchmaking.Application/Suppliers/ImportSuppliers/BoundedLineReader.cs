using System.Text;

namespace Matchmaking.Application.Suppliers.ImportSuppliers;

/// <summary>
/// Reads lines of at most <see cref="MaxLineChars"/> characters without ever holding more: the rest of a
/// longer line is read and dropped, and <see cref="LongLines"/> counts it, so one huge line costs no memory
/// and becomes a row error instead.
/// </summary>
public sealed class BoundedLineReader(TextReader inner) : TextReader
{
    public const int MaxLineChars = 64 * 1024;

    private readonly char[] _buffer = new char[16 * 1024];
    private int _position;
    private int _length;

    /// <summary>How many lines so far were longer than the limit (each returned cut short).</summary>
    public int LongLines { get; private set; }

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var tooLong = false;
        var readAny = false;
        while (true)
        {
            if (_position >= _length)
            {
                _length = await inner.ReadAsync(_buffer, cancellationToken);
                _position = 0;
                if (_length == 0)
                {
                    return readAny ? Finish(line, tooLong) : null;
                }
            }

            readAny = true;
            var available = _buffer.AsMemory(_position, _length - _position);
            var newline = available.Span.IndexOf('\n');
            var part = newline >= 0 ? available[..newline] : available;
            if (!tooLong)
            {
                var room = MaxLineChars - line.Length;
                tooLong = part.Length > room;
                line.Append(tooLong ? part[..room] : part);
            }

            _position += newline >= 0 ? newline + 1 : available.Length;
            if (newline >= 0)
            {
                return Finish(line, tooLong);
            }
        }
    }

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private string Finish(StringBuilder line, bool tooLong)
    {
        if (tooLong)
        {
            LongLines++;
        }

        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        return line.ToString();
    }
}
