using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Matchmaking.Application.Common;

/// <summary>
/// The figures an operator watches that the framework does not measure itself (OpenTelemetry exports the
/// meter; README, "Observability"). Request rate and latency per route, HttpClient and Npgsql pool usage come
/// from their own instrumentation.
/// </summary>
public sealed class MatchmakingMetrics : IDisposable
{
    public const string MeterName = "Matchmaking";

    public MatchmakingMetrics()
    {
        RequestDuration = Meter.CreateHistogram<double>("matchmaking.request.duration", "s", "Time to handle one application request (match runs, imports, ...), by request and outcome");
        MatchRunCandidates = Meter.CreateHistogram<long>("matchmaking.match_run.candidates", "{supplier}", "Suppliers meeting every hard constraint of a run's need");
        ImportedRows = Meter.CreateCounter<long>("matchmaking.import.rows", "{row}", "Supplier rows written by bulk imports (rate() gives rows/s)");
        ReplicaFallbacks = Meter.CreateCounter<long>("matchmaking.replica.fallbacks", "{read}", "Lag-tolerant reads answered by the primary because the replica was lagging, down or failed");
    }

    public Meter Meter { get; } = new(MeterName);

    /// <summary>Spans for application requests and the phases inside them (source name: <see cref="MeterName"/>).</summary>
    public static ActivitySource Traces { get; } = new(MeterName);

    public Histogram<double> RequestDuration { get; }

    public Histogram<long> MatchRunCandidates { get; }

    public Counter<long> ImportedRows { get; }

    public Counter<long> ReplicaFallbacks { get; }

    public void Dispose() => Meter.Dispose();
}
