using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Needs.CreateNeed;

public sealed record CreateNeedCommand(NeedInput Body) : IRequest<Versioned<NeedDto>>;

public sealed class CreateNeedCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock, ICurrentUser user, ReferenceCatalog catalog)
    : IRequestHandler<CreateNeedCommand, Versioned<NeedDto>>
{
    public async Task<Versioned<NeedDto>> Handle(CreateNeedCommand request, CancellationToken cancellationToken)
    {
        var buyerId = NeedAccess.PostingBuyer(user, request.Body.BuyerId);
        if (!await db.Buyers.AnyAsync(b => b.Id == buyerId, cancellationToken))
        {
            throw new ValidationException("buyerId", $"No buyer with id {buyerId}.");
        }

        var need = new Need(Guid.CreateVersion7(), buyerId, request.Body.ToProfile(catalog), clock.GetUtcNow());
        db.Needs.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<NeedDto>(mapper.Map<NeedDto>(need), need.Version);
    }
}
