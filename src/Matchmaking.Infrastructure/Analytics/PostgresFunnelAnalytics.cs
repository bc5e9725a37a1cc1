using Matchmaking.Application.Analytics;
using Matchmaking.Application.Analytics.Funnel;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Infrastructure.Analytics;

public sealed class PostgresFunnelAnalytics(ApplicationDbContext db, TimeProvider clock) : IFunnelAnalytics
{
    public async Task<FunnelReport> ReportAsync(GetFunnelQuery request, CancellationToken cancellationToken)
    {
        var to = request.To ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = request.From ?? to.AddYears(-1);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var buyer = request.BuyerId ?? Guid.Empty;

        var row = (await db.Database.SqlQuery<Row>($"""
            WITH scoped AS (
                SELECT id FROM needs
                WHERE created_at >= {start} AND created_at < {end} AND ({buyer} = '00000000-0000-0000-0000-000000000000'::uuid OR buyer_id = {buyer})),
            moved AS (
                SELECT DISTINCT m.need_id, t."to" AS status
                FROM match_transitions t JOIN matches m ON m.id = t.match_id JOIN scoped s ON s.id = m.need_id),
            top10 AS (
                SELECT DISTINCT m.supplier_id,
                       NOT EXISTS (SELECT 1 FROM partnership_members pm JOIN partnerships p ON p.id = pm.partnership_id
                                   WHERE pm.supplier_id = m.supplier_id AND p.created_at < r.created_at) AS first_time
                FROM matches m JOIN match_runs r ON r.id = m.run_id JOIN scoped s ON s.id = m.need_id
                WHERE m.rank <= 10 AND m.kind = 'Single')
            SELECT
                (SELECT count(*) FROM scoped)::int AS posted,
                (SELECT count(DISTINCT m.need_id) FROM matches m JOIN scoped s ON s.id = m.need_id)::int AS matched,
                (SELECT count(DISTINCT need_id) FROM moved WHERE status = 'Shortlisted')::int AS shortlisted,
                (SELECT count(DISTINCT need_id) FROM moved WHERE status = 'Invited')::int AS invited,
                (SELECT count(DISTINCT p.need_id) FROM partnerships p JOIN scoped s ON s.id = p.need_id)::int AS accepted,
                (SELECT count(DISTINCT p.need_id) FROM partnerships p JOIN scoped s ON s.id = p.need_id WHERE p.status = 'Completed')::int AS completed,
                (SELECT count(DISTINCT p.need_id) FROM partnerships p JOIN scoped s ON s.id = p.need_id WHERE p.paid_on IS NOT NULL)::int AS paid,
                (SELECT count(DISTINCT supplier_id) FROM top10)::int AS top_ten_suppliers,
                (SELECT count(DISTINCT supplier_id) FROM top10 WHERE first_time)::int AS first_time_suppliers
            """).ToListAsync(cancellationToken)).Single();

        var families = (await db.Database.SqlQuery<FamilyRow>($"""
            WITH scoped AS (
                SELECT id FROM needs
                WHERE created_at >= {start} AND created_at < {end} AND ({buyer} = '00000000-0000-0000-0000-000000000000'::uuid OR buyer_id = {buyer})),
            runs AS (
                SELECT f.family, r.id, r.created_at, r.candidates_considered, r.mean_top10_score, r.strict_mean_top10_score
                FROM match_runs r JOIN scoped s ON s.id = r.need_id CROSS JOIN LATERAL unnest(r.families) AS f(family)),
            shown AS (
                SELECT DISTINCT r.family, m.supplier_id,
                       NOT EXISTS (SELECT 1 FROM partnership_members pm JOIN partnerships p ON p.id = pm.partnership_id
                                   WHERE pm.supplier_id = m.supplier_id AND p.created_at < r.created_at) AS newcomer
                FROM runs r JOIN matches m ON m.run_id = r.id
                WHERE m.rank <= 10 AND m.kind = 'Single')
            SELECT r.family, count(*)::int AS runs, max(r.candidates_considered)::int AS qualified,
                   (SELECT count(DISTINCT supplier_id) FROM shown s WHERE s.family = r.family)::int AS shown,
                   (SELECT count(DISTINCT supplier_id) FROM shown s WHERE s.family = r.family AND s.newcomer)::int AS newcomers,
                   round(avg(r.mean_top10_score)::numeric, 4)::float8 AS mean,
                   round(avg(r.strict_mean_top10_score)::numeric, 4)::float8 AS strict
            FROM runs r GROUP BY r.family ORDER BY r.family
            """).ToListAsync(cancellationToken))
            .Select(f => new FamilyExposure(f.Family, f.Runs, f.Qualified, f.Shown, f.Newcomers, f.Mean, f.Strict))
            .ToList();

        var counts = new (string Stage, int Needs)[]
        {
            ("posted", row.Posted), ("matched", row.Matched), ("shortlisted", row.Shortlisted), ("invited", row.Invited),
            ("accepted", row.Accepted), ("completed", row.Completed), ("paid", row.Paid),
        };
        var stages = counts.Select((c, i) => new FunnelStage(c.Stage, c.Needs, i == 0 ? null : Ratio.Share(c.Needs, counts[i - 1].Needs))).ToList();
        return new FunnelReport(
            from, to, request.BuyerId, stages, Ratio.Share(row.Paid, row.Posted),
            new ExposureFairness(row.TopTenSuppliers, row.FirstTimeSuppliers, Ratio.Share(row.FirstTimeSuppliers, row.TopTenSuppliers), families));
    }

    private sealed record FamilyRow(string Family, int Runs, int Qualified, int Shown, int Newcomers, double? Mean, double? Strict);

    private sealed record Row(int Posted, int Matched, int Shortlisted, int Invited, int Accepted, int Completed, int Paid, int TopTenSuppliers, int FirstTimeSuppliers);
}
