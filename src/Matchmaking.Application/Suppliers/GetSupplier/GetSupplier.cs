using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Suppliers.GetSupplier;

public sealed record GetSupplierQuery(Guid Id) : IQuery<Versioned<SupplierDto>>;

public sealed class GetSupplierQueryHandler(IApplicationDbContext db, IMapper mapper, ICurrentUser user)
    : IRequestHandler<GetSupplierQuery, Versioned<SupplierDto>>
{
    public async Task<Versioned<SupplierDto>> Handle(GetSupplierQuery request, CancellationToken cancellationToken)
    {
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Supplier", request.Id);
        return new Versioned<SupplierDto>(await ContactVisibility.ForCallerAsync(db, user, mapper.Map<SupplierDto>(supplier), cancellationToken), supplier.Version);
    }
}
