using Matchmaking.Application.Common;
using Matchmaking.Application.Matching;
using Matchmaking.Domain.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Partnerships;

/// <summary>A buyer's public record: how many partnerships, how many completed, and how fast it pays.</summary>
public sealed record BuyerReputationDto(
    int Partnerships, int Completed, double? CompletionRate, int PaymentsReported, double? MedianDaysToPay, double? P90DaysToPay,
    double? ShareOfPaymentsWithin30Days, double? AverageRatingGiven);

public static class Reputation
{
    /// <summary>Completed partnerships per supplier (a consortium member counts each) with the mean of quality and on-time ratings.</summary>
    public static async Task<Dictionary<Guid, TrackRecordFigures>> TrackRecordsAsync(
        IApplicationDbContext db, IReadOnlyCollection<Guid> supplierIds, CancellationToken cancellationToken)
    {
        if (supplierIds.Count == 0)
        {
            return [];
        }

        var rows = await db.Partnerships.AsNoTracking()
            .Where(p => p.Status == PartnershipStatus.Completed)
            .SelectMany(p => p.Members.Select(m => new { m.SupplierId, Rating = (p.QualityRating!.Value + p.OnTimeRating!.Value) / 2.0 }))
            .Where(x => supplierIds.Contains(x.SupplierId))
            .GroupBy(x => x.SupplierId)
            .Select(g => new { SupplierId = g.Key, Count = g.Count(), Average = g.Average(x => x.Rating) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.SupplierId, r => new TrackRecordFigures(r.Count, r.Average));
    }

    public static async Task<BuyerReputationDto> ForBuyerAsync(IApplicationDbContext db, Guid buyerId, CancellationToken cancellationToken)
    {
        var rows = await db.Partnerships.AsNoTracking().Where(p => p.BuyerId == buyerId)
            .Select(p => new { p.Status, p.InvoicedOn, p.PaidOn, p.QualityRating, p.OnTimeRating })
            .ToListAsync(cancellationToken);
        var completed = rows.Count(r => r.Status == PartnershipStatus.Completed);
        var days = rows.Where(r => r.InvoicedOn is not null && r.PaidOn is not null)
            .Select(r => (double)(r.PaidOn!.Value.DayNumber - r.InvoicedOn!.Value.DayNumber)).Order().ToList();
        var ratings = rows.Where(r => r.QualityRating is not null).Select(r => (r.QualityRating!.Value + r.OnTimeRating!.Value) / 2.0).ToList();
        return new BuyerReputationDto(
            rows.Count,
            completed,
            rows.Count == 0 ? null : Math.Round((double)completed / rows.Count, 4),
            days.Count,
            Percentile(days, 0.5),
            Percentile(days, 0.9),
            days.Count == 0 ? null : Math.Round(days.Count(d => d <= 30) / (double)days.Count, 4),
            ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2));
    }

    /// <summary>Linear interpolation between closest ranks (PostgreSQL's percentile_cont).</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return Math.Round(sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower)), 2);
    }
}
