using FluentValidation;

namespace Matchmaking.Application.Partnerships.CompletePartnership;

public sealed class CompletePartnershipCommandValidator : AbstractValidator<CompletePartnershipCommand>
{
    public CompletePartnershipCommandValidator()
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new CompletionInputValidator());
    }
}

public sealed class CompletionInputValidator : AbstractValidator<CompletionInput>
{
    public CompletionInputValidator()
    {
        RuleFor(c => c.QualityRating).NotNull().WithMessage("'qualityRating' is required.")
            .InclusiveBetween(1, 5).WithMessage("'qualityRating' must be 1..5.");
        RuleFor(c => c.OnTimeRating).NotNull().WithMessage("'onTimeRating' is required.")
            .InclusiveBetween(1, 5).WithMessage("'onTimeRating' must be 1..5.");
    }
}
