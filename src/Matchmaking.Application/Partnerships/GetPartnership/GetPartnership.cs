using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Partnerships.GetPartnership;

public sealed record GetPartnershipQuery(Guid Id) : IQuery<PartnershipDto>;

public sealed class GetPartnershipQueryHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetPartnershipQuery, PartnershipDto>
{
    public async Task<PartnershipDto> Handle(GetPartnershipQuery request, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Partnership", request.Id);
        return mapper.Map<PartnershipDto>(partnership);
    }
}
