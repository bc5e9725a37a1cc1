using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Programs;
using Matchmaking.Domain.Suppliers;
using MediatR;

namespace Matchmaking.Application.Programs.CreateProgram;

public sealed record ProgramInput
{
    public string? Name { get; init; }

    /// <summary>Who runs it: a ministry, provincial office, BUMN partnership unit or association.</summary>
    public string? Operator { get; init; }

    /// <summary>training, mentoring, certification_support or facility_access.</summary>
    public ProgramKind? Kind { get; init; }

    /// <summary>Capability codes it teaches or gives access to.</summary>
    public IReadOnlyList<string>? CapabilityCodes { get; init; }

    /// <summary>Certificate schemes it helps obtain.</summary>
    public IReadOnlyList<CertificationScheme>? CertificationSchemes { get; init; }

    /// <summary>Whether it raises local content (TKDN).</summary>
    public bool? RaisesLocalContent { get; init; }

    /// <summary>Provinces served; omitted or empty: the whole country.</summary>
    public IReadOnlyList<string>? ProvinceCodes { get; init; }

    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }

    /// <summary>1..100000.</summary>
    public int? Seats { get; init; }
}

public sealed record CreateProgramCommand(ProgramInput Body) : IRequest<ProgramDto>;

public sealed class CreateProgramCommandHandler(IMapper mapper, IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CreateProgramCommand, ProgramDto>
{
    public async Task<ProgramDto> Handle(CreateProgramCommand request, CancellationToken cancellationToken)
    {
        var b = request.Body;
        var program = new CapabilityProgram(Guid.CreateVersion7(), b.Name!.Trim(), b.Operator!.Trim(), b.Kind!.Value, b.CapabilityCodes ?? [],
            b.CertificationSchemes ?? [], b.RaisesLocalContent ?? false, b.ProvinceCodes ?? [], b.StartsOn!.Value, b.EndsOn!.Value, b.Seats!.Value, clock.GetUtcNow());
        db.Programs.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<ProgramDto>(program);
    }
}
