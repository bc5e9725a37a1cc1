using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Suppliers.ReplaceSupplier;

/// <param name="ExpectedVersion">From If-Match; null replaces whatever is stored.</param>
public sealed record ReplaceSupplierCommand(Guid Id, SupplierInput Body, int? ExpectedVersion) : IRequest<Versioned<SupplierDto>>;

public sealed class ReplaceSupplierCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<ReplaceSupplierCommand, Versioned<SupplierDto>>
{
    public async Task<Versioned<SupplierDto>> Handle(ReplaceSupplierCommand request, CancellationToken cancellationToken)
    {
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Supplier", request.Id);
        ConcurrencyCheck.EnsureMatches(request.ExpectedVersion, supplier.Version);

        var profile = request.Body.ToProfile();
        await SupplierRules.EnsureNibIsFreeAsync(db, profile.Nib, supplier.Id, cancellationToken);

        var now = clock.GetUtcNow();
        supplier.Replace(profile);
        if (request.Body.Active == false)
        {
            supplier.Deactivate();
            await ApiKeys.OrganizationKeys.RevokeAllAsync(db, supplier.Id, now, cancellationToken);
        }
        else if (request.Body.Active == true)
        {
            supplier.Reactivate(byAdministrator: user.Role == Domain.Access.Role.Admin);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<SupplierDto>(await ContactVisibility.ForCallerAsync(db, user, mapper.Map<SupplierDto>(supplier), cancellationToken), supplier.Version);
    }
}
