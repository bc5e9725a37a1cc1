using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Programs.GetProgram;

public sealed record GetProgramQuery(Guid Id) : IQuery<ProgramDto>;

public sealed class GetProgramQueryHandler(IMapper mapper, IApplicationDbContext db) : IRequestHandler<GetProgramQuery, ProgramDto>
{
    public async Task<ProgramDto> Handle(GetProgramQuery request, CancellationToken cancellationToken) =>
        mapper.Map<ProgramDto>(await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Program", request.Id));
}
