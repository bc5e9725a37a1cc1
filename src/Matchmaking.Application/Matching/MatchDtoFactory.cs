using Matchmaking.Application.Common;
using Matchmaking.Domain.Matching;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Matching;

/// <summary>Turns stored matches into DTOs, reading the current name, scale and province of their suppliers.</summary>
public static class MatchDtoFactory
{
    public static async Task<List<MatchDto>> ToDtosAsync(IApplicationDbContext db, IReadOnlyCollection<Match> matches, CancellationToken cancellationToken)
    {
        var supplierIds = matches.Where(m => m.SupplierId != null).Select(m => m.SupplierId!.Value).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id))
            .Select(s => new MatchSupplierDto(s.Id, s.Name, s.Scale, s.ProvinceCode))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        return matches.Select(m => new MatchDto(
            m.Id, m.RunId, m.NeedId, m.Rank, m.Kind,
            m.SupplierId is { } id ? suppliers.GetValueOrDefault(id) : null,
            m.Kind == MatchKind.Consortium ? m.Members.Select(x => new MatchMemberDto(x.SupplierId, x.Name, x.Share, x.Response)).ToList() : null,
            m.Score,
            new ComponentsDto(m.Components.Capability, m.Components.Capacity, m.Components.Proximity, m.Components.TrackRecord, m.Components.LocalContent),
            m.DistanceKm, m.Reasons, [], m.Status)).ToList();
    }
}
