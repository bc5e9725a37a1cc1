using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Domain.Financing;
using MediatR;

namespace Matchmaking.Application.Financing.CreateFinancier;

public sealed record FinancierInput
{
    public string? Name { get; init; }

    /// <summary>bank, finance_company, cooperative or partnership_fund.</summary>
    public FinancierType? Type { get; init; }
}

/// <summary>Admin registers a financier; its keys are then made with role financier.</summary>
public sealed record CreateFinancierCommand(FinancierInput Body) : IRequest<FinancierDto>;

public sealed class CreateFinancierCommandHandler(IMapper mapper, IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CreateFinancierCommand, FinancierDto>
{
    public async Task<FinancierDto> Handle(CreateFinancierCommand request, CancellationToken cancellationToken)
    {
        var financier = new Financier(Guid.CreateVersion7(), request.Body.Name!.Trim(), request.Body.Type!.Value, clock.GetUtcNow());
        db.Financiers.Add(financier);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<FinancierDto>(financier);
    }
}
