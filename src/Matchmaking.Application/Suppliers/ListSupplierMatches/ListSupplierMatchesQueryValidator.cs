using FluentValidation;
using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Application.Suppliers.ListSupplierMatches;

public sealed class ListSupplierMatchesQueryValidator : AbstractValidator<ListSupplierMatchesQuery>
{
    public ListSupplierMatchesQueryValidator() => this.AddPageRules();
}
