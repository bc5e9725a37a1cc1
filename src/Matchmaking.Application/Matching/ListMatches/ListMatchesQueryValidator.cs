using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Matching;

namespace Matchmaking.Application.Matching.ListMatches;

public sealed class ListMatchesQueryValidator : AbstractValidator<ListMatchesQuery>
{
    public ListMatchesQueryValidator()
    {
        this.AddPageRules();
        RuleFor(q => q.MinScore).InclusiveBetween(0, 100).WithMessage("'minScore' must be between 0 and 100.");
        RuleFor(q => q.Kind).OptionalWireEnum<ListMatchesQuery, MatchKind>();
    }
}
