using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Needs.ListNeeds;

public sealed class ListNeedsQueryValidator : AbstractValidator<ListNeedsQuery>
{
    public ListNeedsQueryValidator(ReferenceCatalog catalog)
    {
        this.AddPageRules();
        RuleFor(q => q.Status).OptionalWireEnum<ListNeedsQuery, NeedStatus>();
        RuleFor(q => q.ProvinceCode).OptionalProvince(catalog);
        RuleFor(q => q.Capability).OptionalCapability(catalog);
    }
}
