using Matchmaking.Application.Analytics.Programs;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Infrastructure.Analytics;

/// <summary>
/// The effect figures in SQL. "After" is measured from a start per supplier (completion, enrolment, or the
/// first run where the gap showed): a match in a later run, an invitation after it, partnerships created after it.
/// </summary>
public sealed class PostgresProgramAnalytics(ApplicationDbContext db) : IProgramAnalytics
{
    public const string ComparisonNote =
        "notEnrolled: suppliers with the same gap that did not enrol in a program addressing it, counted from when the gap was first seen; "
        + "a simple comparison group, not a controlled study.";

    /// <summary>What followed for (supplier_id, since) pairs in a CTE named <c>start</c>.</summary>
    private const string FollowedColumns = """
        count(DISTINCT st.supplier_id)::int AS suppliers,
        (count(DISTINCT st.supplier_id) FILTER (WHERE EXISTS (
            SELECT 1 FROM matches m JOIN match_runs r ON r.id = m.run_id
            WHERE r.created_at > st.since AND (m.supplier_id = st.supplier_id
                OR EXISTS (SELECT 1 FROM match_members mm WHERE mm.match_id = m.id AND mm.supplier_id = st.supplier_id)))))::int AS later_qualified,
        (count(DISTINCT st.supplier_id) FILTER (WHERE EXISTS (
            SELECT 1 FROM match_transitions t JOIN matches m ON m.id = t.match_id
            WHERE t."to" = 'Invited' AND t."from" <> 'Invited' AND t.at > st.since AND (m.supplier_id = st.supplier_id
                OR EXISTS (SELECT 1 FROM match_members mm WHERE mm.match_id = m.id AND mm.supplier_id = st.supplier_id)))))::int AS later_invited,
        coalesce(sum((SELECT count(*) FROM partnerships p JOIN partnership_members pm ON pm.partnership_id = p.id
            WHERE pm.supplier_id = st.supplier_id AND p.created_at > st.since)), 0)::int AS partnerships_won,
        coalesce(sum((SELECT sum(round(coalesce(p.agreed_value_idr, 0) * pm.share)) FROM partnerships p JOIN partnership_members pm ON pm.partnership_id = p.id
            WHERE pm.supplier_id = st.supplier_id AND p.created_at > st.since)), 0)::bigint AS partnership_value_idr
        """;

    /// <summary>Whether program p addresses the gap (g.gap_kind, g.gap_subject), as CapabilityProgram.Addresses decides.</summary>
    private const string Addresses = """
        ((g.gap_kind = 'Capability' AND EXISTS (SELECT 1 FROM unnest(p.capability_codes) c
              WHERE g.gap_subject = c OR g.gap_subject LIKE c || '.%' OR c LIKE g.gap_subject || '.%'))
         OR (g.gap_kind = 'Certification' AND EXISTS (SELECT 1 FROM unnest(p.certification_schemes) s WHERE lower(s) = g.gap_subject))
         OR (g.gap_kind = 'LocalContent' AND p.raises_local_content))
        """;

    public async Task<ProgramEffectReport> EffectAsync(CancellationToken cancellationToken)
    {
        var programs = await db.Database.SqlQueryRaw<ProgramRow>($"""
            SELECT p.id AS program_id, p.name, p.kind,
                   (SELECT count(*) FROM program_enrolments e WHERE e.program_id = p.id)::int AS enrolled,
                   (SELECT count(*) FROM program_enrolments e WHERE e.program_id = p.id AND e.status = 'Completed')::int AS completed,
                   (SELECT count(*) FROM program_enrolments e WHERE e.program_id = p.id AND e.status = 'Completed' AND e.outcome_kind <> 'None')::int AS gaps_closed,
                   f.*
            FROM capability_programs p
            CROSS JOIN LATERAL (
                WITH start AS (SELECT e.supplier_id, coalesce(e.completed_at, e.enrolled_at) AS since FROM program_enrolments e WHERE e.program_id = p.id)
                SELECT {FollowedColumns} FROM start st) f
            ORDER BY p.starts_on, p.name
            """).ToListAsync(cancellationToken);

        var gaps = await db.Database.SqlQueryRaw<GapRow>($"""
            WITH seen AS (
                SELECT n.gap_kind, n.gap_subject, n.supplier_id, min(r.created_at) AS first_seen
                FROM near_misses n JOIN match_runs r ON r.id = n.run_id
                WHERE n.gap_kind IN ('Capability', 'Certification', 'LocalContent')
                GROUP BY n.gap_kind, n.gap_subject, n.supplier_id),
            grouped AS (
                SELECT g.*, (SELECT min(coalesce(e.completed_at, e.enrolled_at)) FROM program_enrolments e JOIN capability_programs p ON p.id = e.program_id
                             WHERE e.supplier_id = g.supplier_id AND {Addresses}) AS enrolled_since
                FROM seen g)
            SELECT k.gap_kind, k.gap_subject,
                   (SELECT count(*) FROM grouped g WHERE g.gap_kind = k.gap_kind AND g.gap_subject IS NOT DISTINCT FROM k.gap_subject)::int AS suppliers_with_gap,
                   yes.suppliers AS enrolled_suppliers, yes.later_qualified AS enrolled_later_qualified, yes.later_invited AS enrolled_later_invited,
                   yes.partnerships_won AS enrolled_partnerships_won, yes.partnership_value_idr AS enrolled_partnership_value_idr,
                   no.suppliers AS other_suppliers, no.later_qualified AS other_later_qualified, no.later_invited AS other_later_invited,
                   no.partnerships_won AS other_partnerships_won, no.partnership_value_idr AS other_partnership_value_idr
            FROM (SELECT DISTINCT gap_kind, gap_subject FROM grouped) k
            CROSS JOIN LATERAL (
                WITH start AS (SELECT g.supplier_id, g.enrolled_since AS since FROM grouped g
                               WHERE g.gap_kind = k.gap_kind AND g.gap_subject IS NOT DISTINCT FROM k.gap_subject AND g.enrolled_since IS NOT NULL)
                SELECT {FollowedColumns} FROM start st) yes
            CROSS JOIN LATERAL (
                WITH start AS (SELECT g.supplier_id, g.first_seen AS since FROM grouped g
                               WHERE g.gap_kind = k.gap_kind AND g.gap_subject IS NOT DISTINCT FROM k.gap_subject AND g.enrolled_since IS NULL)
                SELECT {FollowedColumns} FROM start st) no
            ORDER BY suppliers_with_gap DESC, k.gap_kind, k.gap_subject
            """).ToListAsync(cancellationToken);

        return new ProgramEffectReport(
            programs.Select(p => new ProgramEffect(p.ProgramId, p.Name, Snake(p.Kind), p.Enrolled, p.Completed, p.GapsClosed,
                new Followed(p.Suppliers, p.LaterQualified, p.LaterInvited, p.PartnershipsWon, p.PartnershipValueIdr))).ToList(),
            gaps.Select(g => new GapEffect(Snake(g.GapKind), g.GapSubject, g.SuppliersWithGap,
                new Followed(g.EnrolledSuppliers, g.EnrolledLaterQualified, g.EnrolledLaterInvited, g.EnrolledPartnershipsWon, g.EnrolledPartnershipValueIdr),
                new Followed(g.OtherSuppliers, g.OtherLaterQualified, g.OtherLaterInvited, g.OtherPartnershipsWon, g.OtherPartnershipValueIdr))).ToList(),
            ComparisonNote);
    }

    private static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private sealed record ProgramRow(Guid ProgramId, string Name, string Kind, int Enrolled, int Completed, int GapsClosed,
        int Suppliers, int LaterQualified, int LaterInvited, int PartnershipsWon, long PartnershipValueIdr);

    private sealed record GapRow(string GapKind, string? GapSubject, int SuppliersWithGap,
        int EnrolledSuppliers, int EnrolledLaterQualified, int EnrolledLaterInvited, int EnrolledPartnershipsWon, long EnrolledPartnershipValueIdr,
        int OtherSuppliers, int OtherLaterQualified, int OtherLaterInvited, int OtherPartnershipsWon, long OtherPartnershipValueIdr);
}
