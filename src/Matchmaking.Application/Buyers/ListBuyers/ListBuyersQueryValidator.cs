using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Buyers.ListBuyers;

public sealed class ListBuyersQueryValidator : AbstractValidator<ListBuyersQuery>
{
    public ListBuyersQueryValidator(ReferenceCatalog catalog)
    {
        this.AddPageRules();
        RuleFor(q => q.Type).OptionalWireEnum<ListBuyersQuery, BuyerType>();
        RuleFor(q => q.ProvinceCode).OptionalProvince(catalog);
    }
}
