using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Domain.Buyers;
using MediatR;

namespace Matchmaking.Application.Buyers.CreateBuyer;

public sealed record CreateBuyerCommand(BuyerInput Body) : IRequest<Versioned<BuyerDto>>;

public sealed class CreateBuyerCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock)
    : IRequestHandler<CreateBuyerCommand, Versioned<BuyerDto>>
{
    public async Task<Versioned<BuyerDto>> Handle(CreateBuyerCommand request, CancellationToken cancellationToken)
    {
        var buyer = new Buyer(Guid.CreateVersion7(), request.Body.ToProfile(), clock.GetUtcNow());
        db.Buyers.Add(buyer);
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<BuyerDto>(mapper.Map<BuyerDto>(buyer), buyer.Version);
    }
}
