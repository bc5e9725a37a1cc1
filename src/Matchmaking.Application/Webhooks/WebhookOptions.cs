using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Matchmaking.Application.Webhooks;

/// <summary>The <c>Webhooks</c> section of the configuration.</summary>
public sealed record WebhookOptions
{
    /// <summary>About 24 h in all: 5 s, 1 min, 5 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h between tries.</summary>
    public const string DefaultRetrySchedule = "5,60,300,1800,3600,7200,14400,28800,28800";

    /// <summary>Lets receivers use http:// (local testing only; Production wants https).</summary>
    public bool AllowHttp { get; init; }

    /// <summary>Lets receivers be on loopback, private or link-local addresses (local testing only).</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Seconds to wait between attempts; a delivery is given up after the last.</summary>
    public IReadOnlyList<TimeSpan> RetrySchedule { get; init; } = Parse(DefaultRetrySchedule);

    /// <summary>Bounds connecting and answering, each.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether this instance runs a dispatcher (any number may: they share the work).</summary>
    public bool Dispatch { get; init; } = true;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries given up in a row after which a subscription disables itself.</summary>
    public int DisableAfterFailures { get; init; } = 5;

    /// <summary>How long a rotated secret still signs beside the new one.</summary>
    public TimeSpan SecretOverlap { get; init; } = TimeSpan.FromHours(24);

    public static WebhookOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Webhooks");
        var defaults = new WebhookOptions();
        return new WebhookOptions
        {
            AllowHttp = section.GetValue("AllowHttp", defaults.AllowHttp),
            AllowPrivateNetworks = section.GetValue("AllowPrivateNetworks", defaults.AllowPrivateNetworks),
            RetrySchedule = Parse(section["RetrySchedule"] ?? DefaultRetrySchedule),
            Timeout = TimeSpan.FromSeconds(section.GetValue("TimeoutSeconds", defaults.Timeout.TotalSeconds)),
            Dispatch = section.GetValue("Dispatch", defaults.Dispatch),
            PollInterval = TimeSpan.FromMilliseconds(section.GetValue("PollMilliseconds", defaults.PollInterval.TotalMilliseconds)),
            DisableAfterFailures = section.GetValue("DisableAfterFailures", defaults.DisableAfterFailures),
            SecretOverlap = TimeSpan.FromHours(section.GetValue("SecretOverlapHours", defaults.SecretOverlap.TotalHours)),
        };
    }

    private static TimeSpan[] Parse(string schedule) =>
        schedule.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new InvalidOperationException($"Webhooks:RetrySchedule: '{s}' is not a number of seconds."))
            .ToArray();
}
