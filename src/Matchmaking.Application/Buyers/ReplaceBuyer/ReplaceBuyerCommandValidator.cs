using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Buyers.ReplaceBuyer;

public sealed class ReplaceBuyerCommandValidator : AbstractValidator<ReplaceBuyerCommand>
{
    public ReplaceBuyerCommandValidator(ReferenceCatalog catalog)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new BuyerInputValidator(catalog));
    }
}
