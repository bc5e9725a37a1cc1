using FluentValidation;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Facilities.CreateFacility;

public sealed class CreateFacilityCommandValidator : AbstractValidator<CreateFacilityCommand>
{
    public CreateFacilityCommandValidator(ReferenceCatalog catalog)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new FacilityInputValidator(catalog));
    }
}
