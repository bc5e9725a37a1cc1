using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Suppliers.CreateSupplier;

public sealed record CreateSupplierCommand(SupplierInput Body) : IRequest<Versioned<SupplierDto>>;

public sealed class CreateSupplierCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<CreateSupplierCommand, Versioned<SupplierDto>>
{
    public async Task<Versioned<SupplierDto>> Handle(CreateSupplierCommand request, CancellationToken cancellationToken)
    {
        var profile = request.Body.ToProfile();
        await SupplierRules.EnsureNibIsFreeAsync(db, profile.Nib, exceptId: null, cancellationToken);

        var supplier = new Domain.Suppliers.Supplier(Guid.CreateVersion7(), profile, clock.GetUtcNow());
        if (request.Body.Active == false)
        {
            supplier.Deactivate();
        }

        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<SupplierDto>(await ContactVisibility.ForCallerAsync(db, user, mapper.Map<SupplierDto>(supplier), cancellationToken), supplier.Version);
    }
}
