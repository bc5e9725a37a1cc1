using FluentValidation;
using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Application.ApiKeys.ListApiKeys;

public sealed class ListApiKeysQueryValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysQueryValidator() => this.AddPageRules();
}
