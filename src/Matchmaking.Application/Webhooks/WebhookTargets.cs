using System.Net;
using System.Net.Sockets;

namespace Matchmaking.Application.Webhooks;

/// <summary>
/// Where the API may send a delivery: the one rule against server-side request forgery, checked on the URL
/// when a subscription is made and on every address its host resolves to when a delivery connects.
/// </summary>
public static class WebhookTargets
{
    /// <summary>Why the URL cannot receive deliveries, or null when it can.</summary>
    public static string? Refusal(string? url, WebhookOptions options)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "'url' must be an absolute https:// URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !options.AllowHttp)
        {
            return "'url' must use https (http is allowed only where Webhooks:AllowHttp is set, for local testing).";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "'url' must not carry user information or a fragment.";
        }

        var host = uri.IdnHost;
        var isLocalName = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
        if (!options.AllowPrivateNetworks && (isLocalName || (IPAddress.TryParse(host, out var address) && !IsPublic(address))))
        {
            return "'url' points at a loopback, private or link-local address; receivers must be reachable on the public internet.";
        }

        return null;
    }

    /// <summary>False for loopback, private (RFC 1918, unique local), link-local, carrier-grade NAT, unspecified and multicast addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || b[0] >= 224);
        }

        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (bytes[0] & 0xFE) == 0xFC);
    }
}
