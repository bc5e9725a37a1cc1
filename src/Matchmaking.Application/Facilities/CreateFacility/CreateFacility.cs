using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Models;
using Matchmaking.Domain.Facilities;
using MediatR;

namespace Matchmaking.Application.Facilities.CreateFacility;

public sealed record CreateFacilityCommand(FacilityInput Body) : IRequest<Versioned<FacilityDto>>;

public sealed class CreateFacilityCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock)
    : IRequestHandler<CreateFacilityCommand, Versioned<FacilityDto>>
{
    public async Task<Versioned<FacilityDto>> Handle(CreateFacilityCommand request, CancellationToken cancellationToken)
    {
        var facility = new Facility(Guid.CreateVersion7(), request.Body.ToProfile(), clock.GetUtcNow());
        db.Facilities.Add(facility);
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<FacilityDto>(mapper.Map<FacilityDto>(facility), facility.Version);
    }
}
