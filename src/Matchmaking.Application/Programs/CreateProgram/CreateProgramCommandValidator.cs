using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Programs.CreateProgram;

public sealed class CreateProgramCommandValidator : AbstractValidator<CreateProgramCommand>
{
    public CreateProgramCommandValidator(ReferenceCatalog catalog) =>
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new ProgramInputValidator(catalog));
}

public sealed class ProgramInputValidator : AbstractValidator<ProgramInput>
{
    public const int MaxCodes = 50;

    public ProgramInputValidator(ReferenceCatalog catalog)
    {
        RuleFor(p => p.Name).RequiredText();
        RuleFor(p => p.Operator).RequiredText();
        RuleFor(p => p.Kind).RequiredEnum();
        RuleFor(p => p.CapabilityCodes).Must(c => c!.Count <= MaxCodes).When(p => p.CapabilityCodes is not null).WithMessage($"At most {MaxCodes} codes.");
        RuleForEach(p => p.CapabilityCodes).KnownCapability(catalog);
        RuleFor(p => p.CertificationSchemes).Must(c => c!.Count <= MaxCodes).When(p => p.CertificationSchemes is not null).WithMessage($"At most {MaxCodes} schemes.");
        RuleFor(p => p.ProvinceCodes).Must(c => c!.Count <= 38).When(p => p.ProvinceCodes is not null).WithMessage("At most 38 provinces.");
        RuleForEach(p => p.ProvinceCodes).KnownProvince(catalog);
        RuleFor(p => p.StartsOn).NotNull().WithMessage("'startsOn' is required.");
        RuleFor(p => p.EndsOn).NotNull().WithMessage("'endsOn' is required.")
            .Must((p, end) => p.StartsOn is null || end >= p.StartsOn).WithMessage("'endsOn' is on or after 'startsOn'.")
            .Must(end => end <= RuleExtensions.LatestValidUntil).WithMessage("'endsOn' is too far ahead.");
        RuleFor(p => p.Seats).NotNull().WithMessage("'seats' is required.").InclusiveBetween(1, 100_000).WithMessage("'seats' is 1..100000.");
    }
}
