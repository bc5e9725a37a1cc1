using FluentValidation;
using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Application.Financing.CreateFinancier;

public sealed class CreateFinancierCommandValidator : AbstractValidator<CreateFinancierCommand>
{
    public CreateFinancierCommandValidator() =>
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new FinancierInputValidator());
}

public sealed class FinancierInputValidator : AbstractValidator<FinancierInput>
{
    public FinancierInputValidator()
    {
        RuleFor(f => f.Name).RequiredText();
        RuleFor(f => f.Type).RequiredEnum();
    }
}
