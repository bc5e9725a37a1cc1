using BenchmarkDotNet.Attributes;
using Matchmaking.Domain.Matching;

namespace Matchmaking.Benchmarks;

/// <summary>The pure scoring the matcher runs per candidate (BenchmarkDotNet; not run by CI).</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private static readonly string[] Needed = ["metal.fabrication", "metal.surface.galvanizing"];
    private static readonly string[] SupplierCodes = ["metal.fabrication.welding", "metal.surface.galvanizing", "metal.machining.cnc"];
    private static readonly ScoringWeights Weights = ScoringWeights.Default.Normalized();

    [Benchmark]
    public double CapabilityFit() => Scoring.CapabilityFit(Needed, SupplierCodes);

    [Benchmark]
    public double AllComponentsAndScore()
    {
        var components = new ScoreComponents(
            Scoring.CapabilityFit(Needed, SupplierCodes),
            Scoring.Capacity(4000, 6.2, 12000),
            Scoring.Proximity(83.4),
            Scoring.TrackRecord(3, 4.5),
            Scoring.LocalContent(45.5m));
        return components.ScoreWith(Weights);
    }

    [Benchmark]
    public int ConsortiumOf200Candidates() => ConsortiumBuilder.Propose(Candidates, 100_000).Count;

    private static readonly List<ConsortiumCandidate> Candidates = Enumerable.Range(0, 200)
        .Select(i => new ConsortiumCandidate(Guid.CreateVersion7(), $"S{i}", -7.7 + (i * 0.002), 110.6 + (i * 0.002), 2000 + (i * 37 % 900), 50 + (i % 40)))
        .ToList();
}
