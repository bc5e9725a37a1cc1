using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Matching;
using Matchmaking.Application.Partnerships;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Suppliers.ListOpportunities;

/// <summary>An open need the supplier meets every hard constraint of, with the score it would get.</summary>
public sealed record OpportunityDto(
    Guid NeedId, string Title, Guid BuyerId, string BuyerName, decimal Quantity, string Unit, DateOnly NeededBy,
    string DeliveryProvinceCode, double Score, ComponentsDto Components, double DistanceKm, IReadOnlyList<string> Reasons);

public sealed record ListOpportunitiesQuery(Guid SupplierId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<OpportunityDto>>, IPagedQuery;

/// <summary>
/// PostgreSQL narrows open needs to those whose every capability code is one the supplier has or an
/// ancestor of one (array containment on the GIN-indexed codes); the rest of the hard constraints and the
/// score are the matcher's own C#.
/// </summary>
public sealed class ListOpportunitiesQueryHandler(IApplicationDbContext db, TimeProvider clock)
    : IRequestHandler<ListOpportunitiesQuery, PagedList<OpportunityDto>>
{
    public async Task<PagedList<OpportunityDto>> Handle(ListOpportunitiesQuery request, CancellationToken cancellationToken)
    {
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SupplierId, cancellationToken)
            ?? throw new NotFoundException("Supplier", request.SupplierId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var trackRecord = (await Reputation.TrackRecordsAsync(db, [supplier.Id], cancellationToken)).GetValueOrDefault(supplier.Id, TrackRecordFigures.None);
        var coverable = supplier.Capabilities.SelectMany(c => SelfAndAncestors(c.Code)).Distinct().ToList();

        var needs = await db.Needs.AsNoTracking()
            .Where(n => n.Status == NeedStatus.Open && n.NeededBy > today)
            .Where(n => n.CapabilityCodes.All(code => coverable.Contains(code)))
            .ToListAsync(cancellationToken);
        var buyerIds = needs.Select(n => n.BuyerId).Distinct().ToList();
        var buyers = await db.Buyers.AsNoTracking().Where(b => buyerIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);

        var opportunities = needs
            .Select(need => (Need: need, Distance: supplier.Location.DistanceKmTo(need.DeliveryLocation)))
            .Where(x => HardConstraints.Evaluate(x.Need, supplier, x.Distance, today).Count == 0)
            .Select(x => (x.Need, Scored: MatchScorer.Score(x.Need, supplier, today, trackRecord)))
            .OrderByDescending(x => x.Scored.Score).ThenBy(x => x.Need.NeededBy).ThenBy(x => x.Need.Id)
            .ToList();

        var items = opportunities.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(x =>
            {
                var c = x.Scored.Components;
                return new OpportunityDto(x.Need.Id, x.Need.Title, x.Need.BuyerId, buyers.GetValueOrDefault(x.Need.BuyerId, string.Empty),
                    x.Need.Quantity, x.Need.Unit, x.Need.NeededBy, x.Need.DeliveryProvinceCode, x.Scored.Score,
                    new ComponentsDto(c.Capability, c.Capacity, c.Proximity, c.TrackRecord, c.LocalContent),
                    Math.Round(x.Scored.DistanceKm, 1), x.Scored.Reasons);
            })
            .ToList();
        return new PagedList<OpportunityDto>(items, request.Page, request.PageSize, opportunities.Count);
    }

    private static IEnumerable<string> SelfAndAncestors(string code)
    {
        var parts = code.Split('.');
        for (var i = 1; i <= parts.Length; i++)
        {
            yield return string.Join('.', parts[..i]);
        }
    }
}
