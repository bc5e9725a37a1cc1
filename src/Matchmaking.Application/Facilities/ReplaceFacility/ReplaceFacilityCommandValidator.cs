using FluentValidation;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Facilities.ReplaceFacility;

public sealed class ReplaceFacilityCommandValidator : AbstractValidator<ReplaceFacilityCommand>
{
    public ReplaceFacilityCommandValidator(ReferenceCatalog catalog)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new FacilityInputValidator(catalog));
    }
}
