using Matchmaking.Application.Common;
using Matchmaking.Domain.Matching;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Matching;

/// <summary>Turns stored matches into DTOs, reading the current name, scale and province of their suppliers.</summary>
public static class MatchDtoFactory
{
    /// <summary>One SQL query for a page of matches with their suppliers: the hot read path skips entity materialization.</summary>
    public static async Task<List<MatchDto>> ProjectAsync(IApplicationDbContext db, IQueryable<Match> matches, CancellationToken cancellationToken)
    {
        // A plain LEFT JOIN: a correlated FirstOrDefault would make EF rank the whole suppliers table.
        var rows = await (
            from m in matches
            join s in db.Suppliers on m.SupplierId equals s.Id into found
            from s in found.DefaultIfEmpty()
            select new
            {
                m.Id,
                m.RunId,
                m.NeedId,
                m.Rank,
                m.Kind,
                Supplier = s == null ? null : new MatchSupplierDto(s.Id, s.Name, s.Scale, s.ProvinceCode),
                Members = m.Members.Select(x => new MatchMemberDto(x.SupplierId, x.Name, x.Share, x.Response)).ToList(),
                m.Score,
                m.Components.Capability,
                m.Components.Capacity,
                m.Components.Proximity,
                m.Components.TrackRecord,
                m.Components.LocalContent,
                m.DistanceKm,
                m.Reasons,
                m.Status,
            }).ToListAsync(cancellationToken);
        return rows.Select(m => new MatchDto(
            m.Id, m.RunId, m.NeedId, m.Rank, m.Kind, m.Supplier, m.Kind == MatchKind.Consortium ? m.Members : null, m.Score,
            new ComponentsDto(m.Capability, m.Capacity, m.Proximity, m.TrackRecord, m.LocalContent), m.DistanceKm, m.Reasons, [], m.Status)).ToList();
    }
}
