using FluentValidation;

namespace Matchmaking.Application.Partnerships.RecordPayment;

public sealed class RecordPaymentCommandValidator : AbstractValidator<RecordPaymentCommand>
{
    public RecordPaymentCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new PaymentInputValidator(clock));
    }
}

public sealed class PaymentInputValidator : AbstractValidator<PaymentInput>
{
    public PaymentInputValidator(TimeProvider clock)
    {
        RuleFor(p => p.InvoicedOn).NotNull().WithMessage("'invoicedOn' is required.");
        RuleFor(p => p.PaidOn).NotNull().WithMessage("'paidOn' is required.")
            .Must(p => p <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("'paidOn' cannot be in the future.");
        RuleFor(p => p.PaidOn).GreaterThanOrEqualTo(p => p.InvoicedOn)
            .When(p => p.InvoicedOn is not null && p.PaidOn is not null)
            .WithMessage("'paidOn' cannot be before 'invoicedOn'.");
    }
}
