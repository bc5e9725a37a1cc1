using FluentValidation;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Needs.ReplaceNeed;

public sealed class ReplaceNeedCommandValidator : AbstractValidator<ReplaceNeedCommand>
{
    public ReplaceNeedCommandValidator(ReferenceCatalog catalog, TimeProvider clock)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new NeedInputValidator(catalog, clock));
    }
}
