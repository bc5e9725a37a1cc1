using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Needs.GetNeed;

public sealed record GetNeedQuery(Guid Id) : IQuery<Versioned<NeedDto>>;

public sealed class GetNeedQueryHandler(IApplicationDbContext db, IMapper mapper, ICurrentUser user) : IRequestHandler<GetNeedQuery, Versioned<NeedDto>>
{
    public async Task<Versioned<NeedDto>> Handle(GetNeedQuery request, CancellationToken cancellationToken)
    {
        var need = await db.Needs.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(n => n.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Need", request.Id);
        return new Versioned<NeedDto>(mapper.Map<NeedDto>(need), need.Version);
    }
}
