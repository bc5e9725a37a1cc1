namespace Matchmaking.Domain.Matching;

/// <summary>The five components of a match score, each in 0..1.</summary>
public sealed record ScoreComponents(double Capability, double Capacity, double Proximity, double TrackRecord, double LocalContent)
{
    /// <summary>0..100, one decimal.</summary>
    public double ScoreWith(ScoringWeights weights) => Math.Round(100 * (
        (weights.Capability * Capability)
        + (weights.Capacity * Capacity)
        + (weights.Proximity * Proximity)
        + (weights.TrackRecord * TrackRecord)
        + (weights.LocalContent * LocalContent)), 1, MidpointRounding.AwayFromZero);
}
