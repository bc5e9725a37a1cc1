using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Matchmaking.Application.Webhooks;
using Matchmaking.Domain.Webhooks;

namespace Matchmaking.Infrastructure.Webhooks;

/// <summary>What came of one attempt.</summary>
public sealed record SendOutcome(int? StatusCode, string? Error, string? ResponseExcerpt, long DurationMs);

/// <summary>
/// POSTs a delivery as the Standard Webhooks specification signs it: <c>webhook-id</c>, <c>webhook-timestamp</c>
/// and <c>webhook-signature</c> (<c>v1,</c> + base64 HMAC-SHA256 of <c>id.timestamp.body</c>, one per secret
/// in force). Connections go only to addresses <see cref="WebhookTargets"/> allows, checked on what the
/// host resolves to at connect time (so a name cannot be re-pointed at an internal address); no redirects,
/// no proxy, bounded connect and answer times, and only the first bytes of the answer are read.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;

    public WebhookSender(WebhookOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                var allowed = addresses.Where(a => options.AllowPrivateNetworks || WebhookTargets.IsPublic(a)).ToArray();
                if (allowed.Length == 0)
                {
                    throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves only to addresses deliveries may not go to (loopback, private or link-local).");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { Timeout = options.Timeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Matchmaking-Webhooks/1.0");
    }

    public async Task<SendOutcome> SendAsync(string url, Guid eventId, string body, IReadOnlyList<string> secrets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = eventId.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", string.Join(' ', secrets.Select(secret => Sign(secret, id, timestamp, body))));
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var excerpt = await ExcerptAsync(response, cancellationToken);
            return new SendOutcome((int)response.StatusCode, null, excerpt, Elapsed(started));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            var error = exception is TaskCanceledException ? "No answer within the timeout." : exception.Message;
            return new SendOutcome(null, error, null, Elapsed(started));
        }
    }

    /// <summary>The signature of one secret (<c>whsec_</c> + base64 of the key).</summary>
    public static string Sign(string secret, string id, string timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[WebhookSubscription.SecretPrefix.Length..]);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookDelivery.MaxResponseExcerpt];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read == 0 ? null : new string(Encoding.UTF8.GetString(buffer, 0, read).Select(c => char.IsControl(c) && c is not ('\n' or '\t') ? '?' : c).ToArray());
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
