using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Facilities.DeleteFacility;

public sealed record DeleteFacilityCommand(Guid Id, int? ExpectedVersion) : IRequest<Unit>;

public sealed class DeleteFacilityCommandHandler(IApplicationDbContext db) : IRequestHandler<DeleteFacilityCommand, Unit>
{
    public async Task<Unit> Handle(DeleteFacilityCommand request, CancellationToken cancellationToken)
    {
        var facility = await db.Facilities.FirstOrDefaultAsync(f => f.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Facility", request.Id);
        ConcurrencyCheck.EnsureMatches(request.ExpectedVersion, facility.Version);
        db.Facilities.Remove(facility);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
