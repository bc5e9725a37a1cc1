using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Facilities.ReplaceFacility;

public sealed record ReplaceFacilityCommand(Guid Id, FacilityInput Body, int? ExpectedVersion) : IRequest<Versioned<FacilityDto>>;

public sealed class ReplaceFacilityCommandHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<ReplaceFacilityCommand, Versioned<FacilityDto>>
{
    public async Task<Versioned<FacilityDto>> Handle(ReplaceFacilityCommand request, CancellationToken cancellationToken)
    {
        var facility = await db.Facilities.FirstOrDefaultAsync(f => f.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Facility", request.Id);
        ConcurrencyCheck.EnsureMatches(request.ExpectedVersion, facility.Version);
        facility.Replace(request.Body.ToProfile());
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<FacilityDto>(mapper.Map<FacilityDto>(facility), facility.Version);
    }
}
