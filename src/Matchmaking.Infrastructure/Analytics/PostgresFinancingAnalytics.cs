using Matchmaking.Application.Analytics.Financing;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Infrastructure.Analytics;

/// <summary>One pass over the requests with GROUPING SETS; the buyer's payment band from percentile_cont of its days to pay.</summary>
public sealed class PostgresFinancingAnalytics(ApplicationDbContext db) : IFinancingAnalytics
{
    public async Task<(IReadOnlyList<FinancingFigures> Rows, int Linked, int FinancedLinked)> FiguresAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<Row>("""
            WITH band AS (
                SELECT buyer_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY paid_on - invoiced_on) AS median
                FROM partnerships WHERE paid_on IS NOT NULL AND invoiced_on IS NOT NULL GROUP BY buyer_id),
            offers AS (SELECT request_id, count(*)::int AS offers FROM financing_offers GROUP BY request_id),
            accepted AS (SELECT request_id, annual_rate_percent, amount_idr FROM financing_offers WHERE status = 'Accepted'),
            r AS (
                SELECT fr.*, s.province_code, s.scale,
                       CASE WHEN b.median IS NULL THEN 'no_record' WHEN b.median <= 30 THEN 'within_30' WHEN b.median <= 60 THEN '31_60'
                            WHEN b.median <= 90 THEN '61_90' ELSE 'over_90' END AS band,
                       coalesce(o.offers, 0) AS offer_count, a.annual_rate_percent, a.amount_idr AS accepted_amount
                FROM financing_requests fr
                JOIN suppliers s ON s.id = fr.supplier_id
                LEFT JOIN band b ON b.buyer_id = fr.buyer_id
                LEFT JOIN offers o ON o.request_id = fr.id
                LEFT JOIN accepted a ON a.request_id = fr.id)
            SELECT CASE WHEN GROUPING(province_code) = 0 THEN 'province' WHEN GROUPING(scale) = 0 THEN 'scale'
                        WHEN GROUPING(band) = 0 THEN 'paymentBand' ELSE 'total' END AS dimension,
                   CASE WHEN GROUPING(province_code) = 0 THEN province_code::text WHEN GROUPING(scale) = 0 THEN scale
                        WHEN GROUPING(band) = 0 THEN band ELSE '' END AS key,
                   count(*)::int AS requests,
                   (count(*) FILTER (WHERE confirmed_value_idr IS NOT NULL))::int AS confirmed,
                   (count(*) FILTER (WHERE status = 'Disputed'))::int AS disputed,
                   coalesce(sum(offer_count), 0)::int AS offers,
                   (count(*) FILTER (WHERE accepted_offer_id IS NOT NULL))::int AS accepted,
                   (count(*) FILTER (WHERE disbursed_on IS NOT NULL))::int AS disbursed,
                   (coalesce(sum(accepted_amount) FILTER (WHERE disbursed_on IS NOT NULL), 0))::bigint AS disbursed_amount_idr,
                   avg(annual_rate_percent) AS average_accepted_rate_percent
            FROM r
            GROUP BY GROUPING SETS ((province_code), (scale), (band), ())
            """).ToListAsync(cancellationToken);
        var linkage = await db.Database.SqlQueryRaw<Linkage>("""
            WITH linked AS (
                SELECT DISTINCT pm.supplier_id FROM partnership_members pm
                JOIN partnerships p ON p.id = pm.partnership_id
                JOIN buyers b ON b.id = p.buyer_id
                WHERE b.type IN ('Bumn', 'Bumd', 'LargePrivate'))
            SELECT count(*)::int AS linked,
                   (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM financing_requests fr WHERE fr.supplier_id = l.supplier_id AND fr.disbursed_on IS NOT NULL)))::int AS financed
            FROM linked l
            """).ToListAsync(cancellationToken);
        return (rows.Select(r => new FinancingFigures(r.Dimension, r.Key, null, r.Requests, r.Confirmed, r.Disputed, r.Offers, r.Accepted, r.Disbursed,
            r.DisbursedAmountIdr, r.AverageAcceptedRatePercent is { } rate ? Math.Round(rate, 4) : null)).ToList(), linkage[0].Linked, linkage[0].Financed);
    }

    private sealed record Row(string Dimension, string Key, int Requests, int Confirmed, int Disputed, int Offers, int Accepted, int Disbursed,
        long DisbursedAmountIdr, double? AverageAcceptedRatePercent);

    private sealed record Linkage(int Linked, int Financed);
}
