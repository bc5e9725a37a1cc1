using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Buyers.DeleteBuyer;

/// <summary>Deletes a buyer that has no procurement history; one with needs is kept (409).</summary>
public sealed record DeleteBuyerCommand(Guid Id, int? ExpectedVersion) : IRequest<Unit>;

public sealed class DeleteBuyerCommandHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<DeleteBuyerCommand, Unit>
{
    public async Task<Unit> Handle(DeleteBuyerCommand request, CancellationToken cancellationToken)
    {
        var buyer = await db.Buyers.FirstOrDefaultAsync(b => b.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Buyer", request.Id);
        ConcurrencyCheck.EnsureMatches(request.ExpectedVersion, buyer.Version);
        if (await db.Needs.AnyAsync(n => n.BuyerId == buyer.Id, cancellationToken))
        {
            throw new ConflictException("The buyer has posted needs; its procurement history is kept, so it cannot be deleted.");
        }

        db.Buyers.Remove(buyer);
        await ApiKeys.OrganizationKeys.RevokeAllAsync(db, buyer.Id, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
