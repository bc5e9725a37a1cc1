using AutoMapper;
using FluentValidation;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Financing.ConfirmFinancing;

public sealed record ConfirmationInput
{
    /// <summary>confirm: the order's value as the buyer knows it.</summary>
    public long? ConfirmedValueIdr { get; init; }

    /// <summary>confirm: when the buyer expects to pay (today or later).</summary>
    public DateOnly? ExpectedPaymentDate { get; init; }

    /// <summary>dispute: why the buyer does not confirm the order.</summary>
    public string? Reason { get; init; }
}

/// <summary>The buyer confirms the order value and payment date, or disputes the request.</summary>
public sealed record ConfirmFinancingCommand(Guid Id, bool Confirm, ConfirmationInput Body) : IRequest<FinancingRequestDto>;

public sealed class ConfirmFinancingCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ConfirmFinancingCommand, FinancingRequestDto>
{
    public async Task<FinancingRequestDto> Handle(ConfirmFinancingCommand request, CancellationToken cancellationToken)
    {
        var financing = await db.FinancingRequests.VisibleTo(user).FirstOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Financing request", request.Id);
        if (request.Confirm)
        {
            financing.Confirm(request.Body.ConfirmedValueIdr!.Value, request.Body.ExpectedPaymentDate!.Value, user.Actor, clock.GetUtcNow());
        }
        else
        {
            financing.Dispute(request.Body.Reason!.Trim(), user.Actor, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return FinancingRequestDto.From(mapper, financing, financing.Offers);
    }
}

public sealed class ConfirmFinancingCommandValidator : FluentValidation.AbstractValidator<ConfirmFinancingCommand>
{
    public ConfirmFinancingCommandValidator()
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.");
        RuleFor(c => c.Body.ConfirmedValueIdr).NotNull().WithMessage("'confirmedValueIdr' is required.").GreaterThan(0)
            .When(c => c.Confirm && c.Body is not null).OverridePropertyName("confirmedValueIdr");
        RuleFor(c => c.Body.ExpectedPaymentDate).NotNull().WithMessage("'expectedPaymentDate' is required.")
            .When(c => c.Confirm && c.Body is not null).OverridePropertyName("expectedPaymentDate");
        RuleFor(c => c.Body.Reason).Cascade(FluentValidation.CascadeMode.Stop).NotEmpty().WithMessage("'reason' is required.")
            .MaximumLength(1000).When(c => !c.Confirm && c.Body is not null).OverridePropertyName("reason");
    }
}
