using Matchmaking.Application.Analytics.CapabilityGaps;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Reference;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Infrastructure.Analytics;

public sealed class PostgresCapabilityGapAnalytics(ApplicationDbContext db, Matchmaking.Domain.Reference.ReferenceCatalog catalog) : ICapabilityGapAnalytics
{
    public async Task<IReadOnlyList<CapabilityGap>> ReportAsync(GetCapabilityGapsQuery request, CancellationToken cancellationToken)
    {
        var province = request.ProvinceCode ?? string.Empty;
        const string scope = """
            WITH latest AS (
                SELECT DISTINCT ON (r.need_id) r.id
                FROM match_runs r JOIN needs n ON n.id = r.need_id
                WHERE n.status = 'Open'
                ORDER BY r.need_id, r.created_at DESC, r.id DESC),
            gaps AS (
                SELECT nm.* FROM near_misses nm JOIN latest ON latest.id = nm.run_id
                WHERE ({0} = '' OR nm.supplier_province_code = {0}))

            """;
        var totals = await db.Database.SqlQueryRaw<TotalRow>(scope + """
            SELECT gap_kind AS kind, coalesce(gap_subject, '') AS subject,
                   count(DISTINCT supplier_id)::int AS suppliers, count(DISTINCT need_id)::int AS needs,
                   (count(*) FILTER (WHERE facility_id IS NULL))::int AS without_facility
            FROM gaps GROUP BY gap_kind, coalesce(gap_subject, '')
            """, province).ToListAsync(cancellationToken);
        var provinces = await db.Database.SqlQueryRaw<ProvinceRow>(scope + """
            SELECT gap_kind AS kind, coalesce(gap_subject, '') AS subject, supplier_province_code::text AS province_code,
                   count(DISTINCT supplier_id)::int AS suppliers
            FROM gaps GROUP BY gap_kind, coalesce(gap_subject, ''), supplier_province_code
            """, province).ToListAsync(cancellationToken);
        var facilities = await db.Database.SqlQueryRaw<FacilityRow>(scope + """
            SELECT g.gap_kind AS kind, coalesce(g.gap_subject, '') AS subject, f.id AS facility_id, f.name, f.province_code::text AS province_code,
                   count(*)::int AS near_misses
            FROM gaps g JOIN facilities f ON f.id = g.facility_id
            GROUP BY g.gap_kind, coalesce(g.gap_subject, ''), f.id, f.name, f.province_code
            """, province).ToListAsync(cancellationToken);

        return totals
            .OrderByDescending(t => t.Suppliers).ThenByDescending(t => t.Needs).ThenBy(t => t.Kind, StringComparer.Ordinal).ThenBy(t => t.Subject, StringComparer.Ordinal)
            .Select(t => new CapabilityGap(
                Enum.Parse<GapKind>(t.Kind),
                t.Subject.Length == 0 ? null : t.Subject,
                t.Suppliers,
                t.Needs,
                t.WithoutFacility,
                provinces.Where(p => p.Kind == t.Kind && p.Subject == t.Subject)
                    .OrderByDescending(p => p.Suppliers).ThenBy(p => p.ProvinceCode, StringComparer.Ordinal)
                    .Select(p => new GapProvince(p.ProvinceCode, catalog.FindProvince(p.ProvinceCode)?.Name, p.Suppliers)).ToList(),
                facilities.Where(f => f.Kind == t.Kind && f.Subject == t.Subject)
                    .OrderByDescending(f => f.NearMisses).ThenBy(f => f.Name, StringComparer.Ordinal)
                    .Select(f => new GapFacility(f.FacilityId, f.Name, f.ProvinceCode, f.NearMisses)).ToList()))
            .ToList();
    }

    private sealed record TotalRow(string Kind, string Subject, int Suppliers, int Needs, int WithoutFacility);

    private sealed record ProvinceRow(string Kind, string Subject, string ProvinceCode, int Suppliers);

    private sealed record FacilityRow(string Kind, string Subject, Guid FacilityId, string Name, string ProvinceCode, int NearMisses);
}
