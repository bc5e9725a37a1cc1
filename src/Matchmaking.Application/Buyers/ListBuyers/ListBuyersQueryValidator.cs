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
        RuleFor(q => q.Type).Must(t => RuleExtensions.TryParseWireEnum<BuyerType>(t, out _))
            .WithMessage($"'type' must be one of: {RuleExtensions.WireNames<BuyerType>()}.");
        RuleFor(q => q.ProvinceCode).Must(catalog.IsProvince).When(q => !string.IsNullOrEmpty(q.ProvinceCode))
            .WithMessage("'provinceCode' must be one of the 38 BPS province codes.");
    }
}
