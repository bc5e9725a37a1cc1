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
        RuleFor(q => q.Status).Must(s => RuleExtensions.TryParseWireEnum<NeedStatus>(s, out _))
            .WithMessage($"'status' must be one of: {RuleExtensions.WireNames<NeedStatus>()}.");
        RuleFor(q => q.ProvinceCode).Must(catalog.IsProvince).When(q => !string.IsNullOrEmpty(q.ProvinceCode))
            .WithMessage("'provinceCode' must be one of the 38 BPS province codes.");
        RuleFor(q => q.Capability).Must(catalog.IsCapability).When(q => !string.IsNullOrEmpty(q.Capability))
            .WithMessage("'capability' must be a code of the capability taxonomy.");
    }
}
