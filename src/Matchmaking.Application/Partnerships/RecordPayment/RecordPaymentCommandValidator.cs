using FluentValidation;

namespace Matchmaking.Application.Partnerships.RecordPayment;

public sealed class RecordPaymentCommandValidator : AbstractValidator<RecordPaymentCommand>
{
    public RecordPaymentCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").DependentRules(() =>
        {
            RuleFor(c => c.Body.InvoicedOn).NotNull().WithMessage("'invoicedOn' is required.");
            RuleFor(c => c.Body.PaidOn).NotNull().WithMessage("'paidOn' is required.")
                .Must(p => p <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("'paidOn' cannot be in the future.");
            RuleFor(c => c.Body.PaidOn).GreaterThanOrEqualTo(c => c.Body.InvoicedOn)
                .When(c => c.Body.InvoicedOn is not null && c.Body.PaidOn is not null)
                .WithMessage("'paidOn' cannot be before 'invoicedOn'.");
        });
    }
}
