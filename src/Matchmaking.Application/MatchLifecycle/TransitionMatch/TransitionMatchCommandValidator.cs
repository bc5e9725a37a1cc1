using FluentValidation;
using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Application.MatchLifecycle.TransitionMatch;

public sealed class TransitionMatchCommandValidator : AbstractValidator<TransitionMatchCommand>
{
    public TransitionMatchCommandValidator()
    {
        RuleFor(c => c.Note).OptionalText(1000);
    }
}
