using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Programs.DeleteProgram;

/// <summary>Admin removes a program nobody enrolled in; one with enrolments is 409 (its outcomes are history).</summary>
public sealed record DeleteProgramCommand(Guid Id) : IRequest<Unit>;

public sealed class DeleteProgramCommandHandler(IApplicationDbContext db) : IRequestHandler<DeleteProgramCommand, Unit>
{
    public async Task<Unit> Handle(DeleteProgramCommand request, CancellationToken cancellationToken)
    {
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Program", request.Id);
        program.EnsureRemovable();
        db.Programs.Remove(program);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
