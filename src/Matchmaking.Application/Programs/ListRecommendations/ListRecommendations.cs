using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Programs.ListRecommendations;

public sealed record RecommendedNeedDto(Guid NeedId, string Title, long? EstimatedValueIdr, DateOnly NeededBy);

/// <summary>
/// One gap that keeps the supplier out of open needs: the programs that could close it (serving its
/// province, not ended), the factory-sharing facility next to it, and the needs it would qualify for
/// once it is closed, with their total estimated value.
/// </summary>
public sealed record RecommendationDto(
    GapKind GapKind, string? GapSubject, string Gap, IReadOnlyList<ProgramRefDto> Programs, Guid? FacilityId, string? FacilityName,
    IReadOnlyList<RecommendedNeedDto> Needs, long TotalEstimatedValueIdr);

/// <summary>From the near misses stored with each open need's latest run (a supplier failing exactly one hard constraint).</summary>
public sealed record ListRecommendationsQuery(Guid SupplierId) : IQuery<IReadOnlyList<RecommendationDto>>;

public sealed class ListRecommendationsQueryHandler(IMapper mapper, IApplicationDbContext db, TimeProvider clock) : IRequestHandler<ListRecommendationsQuery, IReadOnlyList<RecommendationDto>>
{
    public async Task<IReadOnlyList<RecommendationDto>> Handle(ListRecommendationsQuery request, CancellationToken cancellationToken)
    {
        var province = await db.Suppliers.AsNoTracking().Where(s => s.Id == request.SupplierId).Select(s => s.ProvinceCode).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Supplier", request.SupplierId);
        var latestRuns = db.MatchRuns.Where(r => !db.MatchRuns.Any(later => later.NeedId == r.NeedId && later.CreatedAt > r.CreatedAt)).Select(r => r.Id);
        var misses = await db.NearMisses.AsNoTracking()
            .Where(n => n.SupplierId == request.SupplierId && latestRuns.Contains(n.RunId))
            .Join(db.Needs.Where(n => n.Status == NeedStatus.Open), m => m.NeedId, n => n.Id, (m, n) => new
            {
                m.GapKind,
                m.GapSubject,
                m.GapMessage,
                m.FacilityId,
                n.Id,
                n.Title,
                n.EstimatedValueIdr,
                n.NeededBy,
            })
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var programs = await db.Programs.AsNoTracking().Where(p => p.EndsOn >= today).ToListAsync(cancellationToken);
        var facilityIds = misses.Where(m => m.FacilityId is not null).Select(m => m.FacilityId!.Value).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        return misses
            .GroupBy(m => (m.GapKind, m.GapSubject))
            .Select(g =>
            {
                var needs = g.Select(m => new RecommendedNeedDto(m.Id, m.Title, m.EstimatedValueIdr, m.NeededBy)).DistinctBy(n => n.NeedId).ToList();
                var facility = g.Select(m => m.FacilityId).FirstOrDefault(f => f is not null);
                return new RecommendationDto(g.Key.GapKind, g.Key.GapSubject, g.First().GapMessage, ProgramMatcher.For(mapper, programs, g.Key.GapKind, g.Key.GapSubject, province),
                    facility, facility is { } id ? facilities.GetValueOrDefault(id) : null, needs, needs.Sum(n => n.EstimatedValueIdr ?? 0));
            })
            .OrderByDescending(r => r.TotalEstimatedValueIdr).ThenBy(r => r.GapKind).ToList();
    }
}
