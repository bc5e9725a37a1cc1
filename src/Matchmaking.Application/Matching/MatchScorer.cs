using System.Globalization;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Matching;

/// <summary>A supplier scored against a need, with the reasons a person can read.</summary>
public sealed record ScoredSupplier(Supplier Supplier, double DistanceKm, double Deliverable, ScoreComponents Components, double Score, List<string> Reasons);

public static class MatchScorer
{
    private static (double Distance, double Monthly, double Deliverable, ScoreComponents Components) Compute(
        Need need, Domain.Common.GeoPoint location, decimal? tkdnPercent, List<(string Code, decimal? MonthlyCapacity)> capabilities,
        DateOnly today, TrackRecordFigures trackRecord)
    {
        var distance = location.DistanceKmTo(need.DeliveryLocation);
        var monthly = need.CapabilityCodes.Count == 0 ? 0 : need.CapabilityCodes.Min(code => capabilities
            .Where(c => Capability.IsSameOrDescendant(c.Code, code))
            .Sum(c => (double)(c.MonthlyCapacity ?? 0)));
        var months = Scoring.MonthsUntil(today, need.NeededBy);
        var components = new ScoreComponents(
            Scoring.CapabilityFit(need.CapabilityCodes, capabilities.Select(c => c.Code)),
            Scoring.Capacity(monthly, months, (double)need.Quantity),
            Scoring.Proximity(distance),
            Scoring.TrackRecord(trackRecord.CompletedCount, trackRecord.AverageRating),
            Scoring.LocalContent(tkdnPercent));
        return (distance, monthly, monthly * months, components);
    }

    public static ScoredSupplier Score(Need need, Supplier supplier, DateOnly today, TrackRecordFigures trackRecord)
    {
        var (distance, monthly, deliverable, components) = Compute(
            need, supplier.Location, supplier.TkdnPercent, supplier.Capabilities.Select(c => (c.Code, c.MonthlyCapacity)).ToList(), today, trackRecord);
        var reasons = new List<string>();
        foreach (var scheme in need.RequiredCertifications)
        {
            if (supplier.Certifications.Where(c => c.Scheme == scheme && c.IsValidOn(need.NeededBy)).MaxBy(c => c.ValidUntil) is { } certificate)
            {
                reasons.Add($"Has {HardConstraints.Display(scheme)} valid until {certificate.ValidUntil:yyyy-MM-dd}");
            }
        }

        reasons.Add(string.Create(CultureInfo.InvariantCulture,
            $"Covers {Math.Round(components.Capacity * 100)}% of {need.Quantity:0.##} {need.Unit} by {need.NeededBy:yyyy-MM-dd} ({monthly:0.##} {need.Unit}/month)"));
        reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{distance:0.#} km from the delivery point"));
        reasons.Add(trackRecord.CompletedCount == 0
            ? "No completed partnerships yet: neutral track record"
            : string.Create(CultureInfo.InvariantCulture, $"{trackRecord.CompletedCount} completed partnerships, average rating {trackRecord.AverageRating:0.0}/5"));
        if (supplier.TkdnPercent is { } tkdn)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"TKDN {tkdn:0.#}%"));
        }

        return new ScoredSupplier(supplier, distance, deliverable, components, components.ScoreWith(need.Weights), reasons);
    }
}

/// <summary>A supplier's completed partnerships (filled in once the partnership lifecycle exists).</summary>
public sealed record TrackRecordFigures(int CompletedCount, double AverageRating)
{
    public static readonly TrackRecordFigures None = new(0, 0);
}
