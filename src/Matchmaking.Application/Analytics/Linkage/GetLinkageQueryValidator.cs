using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Analytics.Linkage;

public sealed class GetLinkageQueryValidator : AbstractValidator<GetLinkageQuery>
{
    public GetLinkageQueryValidator(ReferenceCatalog catalog)
    {
        RuleFor(q => q.ProvinceCode).Must(catalog.IsProvince).When(q => !string.IsNullOrEmpty(q.ProvinceCode))
            .WithMessage("'provinceCode' must be one of the 38 BPS province codes.");
        RuleFor(q => q.Scale).Must(s => RuleExtensions.TryParseWireEnum<UmkmScale>(s, out _))
            .WithMessage($"'scale' must be one of: {RuleExtensions.WireNames<UmkmScale>()}.");
    }
}
