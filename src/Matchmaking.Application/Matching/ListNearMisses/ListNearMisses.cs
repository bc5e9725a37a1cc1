using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Partnerships;
using Matchmaking.Domain.Facilities;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Matching.ListNearMisses;

/// <summary>A factory-sharing facility that can close a gap, and how far it is from the supplier.</summary>
public sealed record UpgradePathDto(Guid FacilityId, string Name, string Operator, double DistanceKm, string Provides);

/// <summary>
/// A supplier failing exactly one hard constraint: what it lacks and how it could close the gap — a
/// factory-sharing facility nearby, and the capability programs that address it in the supplier's province.
/// </summary>
public sealed record NearMissDto(
    MatchSupplierDto Supplier, double Score, ComponentsDto Components, double DistanceKm, IReadOnlyList<string> Gaps, UpgradePathDto? UpgradePath,
    IReadOnlyList<Programs.ProgramRefDto> Programs);

public sealed record ListNearMissesQuery(Guid NeedId, int Page = 1, int PageSize = Paging.DefaultPageSize) : ILagTolerantQuery<PagedList<NearMissDto>>, IPagedQuery;

/// <summary>
/// Near misses of a need, ranked on request from current data, best first (see <see cref="ICandidateRanker"/>);
/// the best <see cref="MaxListed"/> are listed.
/// </summary>
public sealed class ListNearMissesQueryHandler(IMapper mapper, IApplicationDbContext db, ICandidateRanker ranker, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ListNearMissesQuery, PagedList<NearMissDto>>
{
    /// <summary>Near misses listed per need: the best this many.</summary>
    public const int MaxListed = CandidateRanking.NearMissCountLimit;

    public async Task<PagedList<NearMissDto>> Handle(ListNearMissesQuery request, CancellationToken cancellationToken)
    {
        var need = await db.Needs.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(n => n.Id == request.NeedId, cancellationToken)
            ?? throw new NotFoundException("Need", request.NeedId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var wanted = (int)Math.Min(MaxListed, (long)request.Page * request.PageSize);
        var ranking = await ranker.RankAsync(need, today, 1, Math.Max(1, wanted), cancellationToken);
        var best = NearMissFinder.Best(need, ranking.NearMisses, wanted).Skip((request.Page - 1) * request.PageSize).ToList();
        var nearMisses = await NearMissFinder.DescribeAsync(db, need, best, today, cancellationToken);
        var programs = await db.Programs.AsNoTracking().Where(p => p.EndsOn >= today).ToListAsync(cancellationToken);
        var items = nearMisses
            .Select(x =>
            {
                var c = x.Scored.Components;
                return new NearMissDto(
                    new MatchSupplierDto(x.Supplier.Id, x.Supplier.Name, x.Supplier.Scale, x.Supplier.ProvinceCode),
                    x.Scored.Score, new ComponentsDto(c.Capability, c.Capacity, c.Proximity, c.TrackRecord, c.LocalContent),
                    Math.Round(x.Scored.DistanceKm, 1), [x.Gap.Message], x.UpgradePath,
                    Programs.ProgramMatcher.For(mapper, programs, x.Gap.Kind, x.Gap.Subject, x.Supplier.ProvinceCode));
            })
            .ToList();
        return new PagedList<NearMissDto>(items, request.Page, request.PageSize, Math.Min(MaxListed, ranking.NearMissCount));
    }
}
