using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Buyers.GetBuyer;

public sealed record GetBuyerQuery(Guid Id) : IQuery<Versioned<BuyerDto>>;

public sealed class GetBuyerQueryHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<GetBuyerQuery, Versioned<BuyerDto>>
{
    public async Task<Versioned<BuyerDto>> Handle(GetBuyerQuery request, CancellationToken cancellationToken)
    {
        var buyer = await db.Buyers.AsNoTracking().FirstOrDefaultAsync(b => b.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Buyer", request.Id);
        var reputation = await Partnerships.Reputation.ForBuyerAsync(db, buyer.Id, cancellationToken);
        return new Versioned<BuyerDto>(mapper.Map<BuyerDto>(buyer) with { Reputation = reputation }, buyer.Version);
    }
}
