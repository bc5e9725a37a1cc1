using FluentValidation;
using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Application.Financing.RequestFinancing;

public sealed class RequestFinancingCommandValidator : AbstractValidator<RequestFinancingCommand>
{
    public RequestFinancingCommandValidator() =>
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new FinancingRequestInputValidator());
}

public sealed class FinancingRequestInputValidator : AbstractValidator<FinancingRequestInput>
{
    public FinancingRequestInputValidator()
    {
        RuleFor(r => r.PartnershipId).NotNull().WithMessage("'partnershipId' is required.");
        RuleFor(r => r.AmountIdr).NotNull().WithMessage("'amountIdr' is required.").GreaterThan(0).WithMessage("'amountIdr' must be positive.");
        RuleFor(r => r.Purpose).RequiredEnum();
        RuleFor(r => r.TenorDays).NotNull().WithMessage("'tenorDays' is required.").InclusiveBetween(1, 720).WithMessage("'tenorDays' is 1..720.");
        RuleFor(r => r.FinancierIds).Must(f => f!.Count <= 50).When(r => r.FinancierIds is not null).WithMessage("Name at most 50 financiers.");
    }
}
