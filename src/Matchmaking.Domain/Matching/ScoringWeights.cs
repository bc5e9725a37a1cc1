namespace Matchmaking.Domain.Matching;

/// <summary>How much each score component counts. Stored normalised so the five sum to 1.</summary>
public sealed record ScoringWeights(double Capability, double Capacity, double Proximity, double TrackRecord, double LocalContent)
{
    public static readonly ScoringWeights Default = new(0.30, 0.25, 0.20, 0.15, 0.10);

    public double Sum => Capability + Capacity + Proximity + TrackRecord + LocalContent;

    /// <summary>Scales the weights to sum to 1; all zero falls back to the defaults.</summary>
    public ScoringWeights Normalized()
    {
        var sum = Sum;
        if (sum <= 0)
        {
            return Default;
        }

        return new ScoringWeights(Capability / sum, Capacity / sum, Proximity / sum, TrackRecord / sum, LocalContent / sum);
    }
}
