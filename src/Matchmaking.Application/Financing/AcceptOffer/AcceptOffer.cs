using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Financing.AcceptOffer;

/// <summary>The supplier takes one offer; the others lapse. Two acceptances at once: one wins, the other is 409.</summary>
public sealed record AcceptOfferCommand(Guid Id, Guid OfferId) : IRequest<FinancingRequestDto>;

public sealed class AcceptOfferCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AcceptOfferCommand, FinancingRequestDto>
{
    public async Task<FinancingRequestDto> Handle(AcceptOfferCommand request, CancellationToken cancellationToken)
    {
        var financing = await db.FinancingRequests.VisibleTo(user).FirstOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Financing request", request.Id);
        financing.AcceptOffer(request.OfferId, user.Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FinancingRequestDto.From(mapper, financing, financing.Offers);
    }
}
