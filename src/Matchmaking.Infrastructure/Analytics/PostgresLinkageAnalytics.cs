using Matchmaking.Application.Analytics;
using Matchmaking.Application.Analytics.Linkage;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Infrastructure.Analytics;

public sealed class PostgresLinkageAnalytics(ApplicationDbContext db, Matchmaking.Domain.Reference.ReferenceCatalog catalog) : ILinkageAnalytics
{
    public async Task<LinkageReport> ReportAsync(GetLinkageQuery request, CancellationToken cancellationToken)
    {
        var province = request.ProvinceCode ?? string.Empty;
        var scale = RuleExtensions.ParseWireEnumOrNull<UmkmScale>(request.Scale)?.ToString() ?? string.Empty;
        var rows = await db.Database.SqlQuery<Row>($"""
            WITH linked AS (
                SELECT DISTINCT pm.supplier_id
                FROM partnership_members pm
                JOIN partnerships p ON p.id = pm.partnership_id
                JOIN buyers b ON b.id = p.buyer_id
                WHERE b.type IN ('Bumn', 'Bumd', 'LargePrivate'))
            SELECT CASE WHEN GROUPING(s.province_code) = 0 THEN 'province' WHEN GROUPING(s.scale) = 0 THEN 'scale' ELSE 'total' END AS dimension,
                   CASE WHEN GROUPING(s.province_code) = 0 THEN s.province_code::text WHEN GROUPING(s.scale) = 0 THEN s.scale ELSE '' END AS key,
                   count(*)::int AS registered,
                   count(l.supplier_id)::int AS linked,
                   (count(*) FILTER (WHERE s.export_experience))::int AS exporting
            FROM suppliers s
            LEFT JOIN linked l ON l.supplier_id = s.id
            WHERE s.active AND ({province} = '' OR s.province_code = {province}) AND ({scale} = '' OR s.scale = {scale})
            GROUP BY GROUPING SETS ((s.province_code), (s.scale), ())
            """).ToListAsync(cancellationToken);

        var total = rows.SingleOrDefault(r => r.Dimension == "total") ?? new Row("total", string.Empty, 0, 0, 0);
        return new LinkageReport(
            Figures(total, null),
            rows.Where(r => r.Dimension == "province").OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => Figures(r, catalog.FindProvince(r.Key)?.Name)).ToList(),
            rows.Where(r => r.Dimension == "scale").OrderBy(r => Enum.Parse<UmkmScale>(r.Key))
                .Select(r => Figures(r with { Key = RuleExtensions.WireName(r.Key) }, null)).ToList());
    }

    private static LinkageFigures Figures(Row row, string? name) => new(
        row.Dimension, row.Key, name, row.Registered, row.Linked, Ratio.Share(row.Linked, row.Registered), row.Exporting, Ratio.Share(row.Exporting, row.Registered));

    private sealed record Row(string Dimension, string Key, int Registered, int Linked, int Exporting);
}
