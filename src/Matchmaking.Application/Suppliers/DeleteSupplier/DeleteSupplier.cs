using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Suppliers.DeleteSupplier;

/// <summary>Deactivates the supplier (soft delete): it leaves matching and lists, history keeps it.</summary>
public sealed record DeleteSupplierCommand(Guid Id, int? ExpectedVersion) : IRequest<Unit>;

public sealed class DeleteSupplierCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : IRequestHandler<DeleteSupplierCommand, Unit>
{
    public async Task<Unit> Handle(DeleteSupplierCommand request, CancellationToken cancellationToken)
    {
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Supplier", request.Id);
        ConcurrencyCheck.EnsureMatches(request.ExpectedVersion, supplier.Version);
        supplier.Deactivate();
        await ApiKeys.OrganizationKeys.RevokeAllAsync(db, supplier.Id, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
