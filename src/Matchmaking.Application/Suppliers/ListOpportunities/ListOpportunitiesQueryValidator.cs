using FluentValidation;
using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Application.Suppliers.ListOpportunities;

public sealed class ListOpportunitiesQueryValidator : AbstractValidator<ListOpportunitiesQuery>
{
    public ListOpportunitiesQueryValidator() => this.AddPageRules();
}
