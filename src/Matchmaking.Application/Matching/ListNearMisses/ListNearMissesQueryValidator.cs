using FluentValidation;
using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Application.Matching.ListNearMisses;

public sealed class ListNearMissesQueryValidator : AbstractValidator<ListNearMissesQuery>
{
    public ListNearMissesQueryValidator() => this.AddPageRules();
}
