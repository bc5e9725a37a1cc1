using System.Diagnostics.Metrics;
using Matchmaking.Application.Common;

namespace Matchmaking.Infrastructure.Replication;

/// <summary>
/// The read replica this instance may send lag-tolerant reads to, and whether it may right now: configured,
/// answering, and replaying within <c>Database:ReplicaMaxLagSeconds</c> of the primary (measured by
/// <see cref="ReplicaMonitor"/>). Until the first measurement it is not used.
/// </summary>
public sealed class ReadReplica
{
    private readonly MatchmakingMetrics _metrics;
    private volatile ReplicaState _state = new(false, null, "not measured yet");

    public ReadReplica(string? connectionString, TimeSpan maxLag, MatchmakingMetrics metrics)
    {
        (ConnectionString, MaxLag, _metrics) = (connectionString, maxLag, metrics);
        // The lag in seconds, reported while the replica answers.
        metrics.Meter.CreateObservableGauge("matchmaking.replica.lag", () => LagSeconds is { } lag ? [new Measurement<double>(lag)] : Array.Empty<Measurement<double>>(),
            unit: "s", description: "How far the read replica's replay is behind the primary");
    }

    public string? ConnectionString { get; }

    public TimeSpan MaxLag { get; }

    public bool IsConfigured => ConnectionString is not null;

    public bool IsUsable => IsConfigured && _state.Usable;

    /// <summary>The lag last measured, in seconds; null when the replica did not answer.</summary>
    public double? LagSeconds => _state.LagSeconds;

    public string Reason => _state.Reason;

    public void Measured(double lagSeconds) => _state = lagSeconds <= MaxLag.TotalSeconds
        ? new ReplicaState(true, lagSeconds, "within its lag bound")
        : new ReplicaState(false, lagSeconds, $"lagging {lagSeconds:0.#} s behind the primary (bound {MaxLag.TotalSeconds:0.#} s)");

    public void Unavailable(string reason) => _state = new ReplicaState(false, null, reason);

    /// <summary>A lag-tolerant read went to the primary because the replica could not take it.</summary>
    public void FellBack(string reason) => _metrics.ReplicaFallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));

    private sealed record ReplicaState(bool Usable, double? LagSeconds, string Reason);
}
