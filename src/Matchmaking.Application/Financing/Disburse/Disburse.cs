using AutoMapper;
using FluentValidation;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Financing.Disburse;

public sealed record DisbursementInput
{
    public DateOnly? DisbursedOn { get; init; }
}

/// <summary>The lending financier records the payout.</summary>
public sealed record DisburseCommand(Guid Id, DisbursementInput Body) : IRequest<FinancingRequestDto>;

public sealed class DisburseCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<DisburseCommand, FinancingRequestDto>
{
    public async Task<FinancingRequestDto> Handle(DisburseCommand request, CancellationToken cancellationToken)
    {
        var financing = await db.FinancingRequests.VisibleTo(user).FirstOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Financing request", request.Id);
        financing.Disburse(user.OrganizationId!.Value, request.Body.DisbursedOn!.Value, user.Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FinancingRequestDto.From(mapper, financing, FinancingAccess.OffersVisibleTo(financing, user));
    }
}

public sealed class DisburseCommandValidator : FluentValidation.AbstractValidator<DisburseCommand>
{
    public DisburseCommandValidator()
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.");
        RuleFor(c => c.Body.DisbursedOn).NotNull().When(c => c.Body is not null).OverridePropertyName("disbursedOn").WithMessage("'disbursedOn' is required.");
    }
}
