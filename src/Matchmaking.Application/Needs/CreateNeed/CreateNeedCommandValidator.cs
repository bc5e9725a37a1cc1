using FluentValidation;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Needs.CreateNeed;

public sealed class CreateNeedCommandValidator : AbstractValidator<CreateNeedCommand>
{
    public CreateNeedCommandValidator(ReferenceCatalog catalog, TimeProvider clock)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new NeedInputValidator(catalog, clock));
    }
}
