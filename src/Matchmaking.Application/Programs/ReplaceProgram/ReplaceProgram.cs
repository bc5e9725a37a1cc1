using AutoMapper;
using FluentValidation;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Programs.CreateProgram;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Programs.ReplaceProgram;

/// <summary>Admin replaces a program's details (seats never below those taken).</summary>
public sealed record ReplaceProgramCommand(Guid Id, ProgramInput Body) : IRequest<ProgramDto>;

public sealed class ReplaceProgramCommandHandler(IMapper mapper, IApplicationDbContext db) : IRequestHandler<ReplaceProgramCommand, ProgramDto>
{
    public async Task<ProgramDto> Handle(ReplaceProgramCommand request, CancellationToken cancellationToken)
    {
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Program", request.Id);
        var b = request.Body;
        program.Replace(b.Name!.Trim(), b.Operator!.Trim(), b.Kind!.Value, b.CapabilityCodes ?? [], b.CertificationSchemes ?? [], b.RaisesLocalContent ?? false,
            b.ProvinceCodes ?? [], b.StartsOn!.Value, b.EndsOn!.Value, b.Seats!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<ProgramDto>(program);
    }
}

public sealed class ReplaceProgramCommandValidator : AbstractValidator<ReplaceProgramCommand>
{
    public ReplaceProgramCommandValidator(Domain.Reference.ReferenceCatalog catalog) =>
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new ProgramInputValidator(catalog));
}
