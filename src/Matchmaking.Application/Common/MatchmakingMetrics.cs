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
        MatchRunDuration = Meter.CreateHistogram<double>("matchmaking.match_run.duration", "s", "Time to rank, describe and store a match run");
        MatchRunCandidates = Meter.CreateHistogram<long>("matchmaking.match_run.candidates", "{supplier}", "Suppliers meeting every hard constraint of a run's need");
        ImportedRows = Meter.CreateCounter<long>("matchmaking.import.rows", "{row}", "Supplier rows written by bulk imports (rate() gives rows/s)");
        ImportDuration = Meter.CreateHistogram<double>("matchmaking.import.duration", "s", "Time of one bulk import, end to end");
        ReplicaFallbacks = Meter.CreateCounter<long>("matchmaking.replica.fallbacks", "{read}", "Lag-tolerant reads answered by the primary because the replica was lagging, down or failed");
    }

    public Meter Meter { get; } = new(MeterName);

    public Histogram<double> MatchRunDuration { get; }

    public Histogram<long> MatchRunCandidates { get; }

    public Counter<long> ImportedRows { get; }

    public Histogram<double> ImportDuration { get; }

    public Counter<long> ReplicaFallbacks { get; }

    public void Dispose() => Meter.Dispose();
}
