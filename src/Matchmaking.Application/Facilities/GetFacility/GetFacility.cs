using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Facilities.GetFacility;

public sealed record GetFacilityQuery(Guid Id) : IQuery<Versioned<FacilityDto>>;

public sealed class GetFacilityQueryHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<GetFacilityQuery, Versioned<FacilityDto>>
{
    public async Task<Versioned<FacilityDto>> Handle(GetFacilityQuery request, CancellationToken cancellationToken)
    {
        var facility = await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Facility", request.Id);
        return new Versioned<FacilityDto>(mapper.Map<FacilityDto>(facility), facility.Version);
    }
}
