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

/// <summary>A supplier failing exactly one hard constraint: what it lacks and how it could close the gap.</summary>
public sealed record NearMissDto(
    MatchSupplierDto Supplier, double Score, ComponentsDto Components, double DistanceKm, IReadOnlyList<string> Gaps, UpgradePathDto? UpgradePath);

public sealed record ListNearMissesQuery(Guid NeedId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedList<NearMissDto>>, IPagedQuery;

/// <summary>
/// Near misses are computed on request from current data: for each hard constraint of the need, the
/// candidate query with that one constraint left out (indexed, capped at <see cref="PoolPerConstraint"/>
/// suppliers by id); each supplier found is checked in C# and kept when it fails exactly one constraint.
/// </summary>
public sealed class ListNearMissesQueryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ListNearMissesQuery, PagedList<NearMissDto>>
{
    public const int PoolPerConstraint = 500;

    /// <summary>How far a supplier may travel to a facility for it to count as an upgrade path.</summary>
    public const double FacilityReachKm = 150;

    public async Task<PagedList<NearMissDto>> Handle(ListNearMissesQuery request, CancellationToken cancellationToken)
    {
        var need = await db.Needs.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(n => n.Id == request.NeedId, cancellationToken)
            ?? throw new NotFoundException("Need", request.NeedId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var pool = new Dictionary<Guid, Supplier>();
        foreach (var relaxation in Relaxation.AllFor(need))
        {
            var found = await CandidateQuery.For(db, need, relaxation).OrderBy(s => s.Id).Take(PoolPerConstraint)
                .AsSplitQuery().ToListAsync(cancellationToken);
            found.ForEach(s => pool.TryAdd(s.Id, s));
        }

        var facilities = await db.Facilities.AsNoTracking().ToListAsync(cancellationToken);
        var records = await Reputation.TrackRecordsAsync(db, pool.Keys.ToList(), cancellationToken);
        var nearMisses = pool.Values
            .Select(s => (Supplier: s, Distance: s.Location.DistanceKmTo(need.DeliveryLocation)))
            .Select(x => (x.Supplier, x.Distance, Gaps: HardConstraints.Evaluate(need, x.Supplier, x.Distance, today)))
            .Where(x => x.Gaps.Count == 1)
            .Select(x => (x.Supplier, x.Gaps[0], Scored: MatchScorer.Score(need, x.Supplier, today, records.GetValueOrDefault(x.Supplier.Id, TrackRecordFigures.None))))
            .OrderByDescending(x => x.Scored.Score).ThenBy(x => x.Supplier.Id)
            .ToList();

        var items = nearMisses.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(x =>
            {
                var (supplier, gap, scored) = x;
                var c = scored.Components;
                return new NearMissDto(
                    new MatchSupplierDto(supplier.Id, supplier.Name, supplier.Scale, supplier.ProvinceCode),
                    scored.Score, new ComponentsDto(c.Capability, c.Capacity, c.Proximity, c.TrackRecord, c.LocalContent),
                    Math.Round(scored.DistanceKm, 1), [gap.Message], UpgradePath(gap, supplier, facilities));
            })
            .ToList();
        return new PagedList<NearMissDto>(items, request.Page, request.PageSize, nearMisses.Count);
    }

    /// <summary>The nearest facility within reach that provides the missing capability (or a descendant) or certification route.</summary>
    public static UpgradePathDto? UpgradePath(Gap gap, Supplier supplier, IEnumerable<Facility> facilities)
    {
        Func<Facility, bool>? provides = gap.Kind switch
        {
            GapKind.Capability => f => f.CapabilityCodes.Any(code => Capability.IsSameOrDescendant(code, gap.Subject!)),
            GapKind.Certification => f => f.CertificationSchemes.Any(s => s.ToString().Equals(gap.Subject, StringComparison.OrdinalIgnoreCase)),
            _ => null,
        };
        if (provides is null)
        {
            return null;
        }

        return facilities.Where(provides)
            .Select(f => (Facility: f, Km: supplier.Location.DistanceKmTo(f.Location)))
            .Where(x => x.Km <= FacilityReachKm)
            .OrderBy(x => x.Km).ThenBy(x => x.Facility.Id)
            .Select(x => new UpgradePathDto(x.Facility.Id, x.Facility.Name, x.Facility.Operator, Math.Round(x.Km, 1), gap.Subject!))
            .FirstOrDefault();
    }
}
