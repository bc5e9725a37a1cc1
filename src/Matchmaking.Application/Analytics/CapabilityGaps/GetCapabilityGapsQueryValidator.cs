using FluentValidation;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Analytics.CapabilityGaps;

public sealed class GetCapabilityGapsQueryValidator : AbstractValidator<GetCapabilityGapsQuery>
{
    public GetCapabilityGapsQueryValidator(ReferenceCatalog catalog)
    {
        RuleFor(q => q.ProvinceCode).Must(catalog.IsProvince).When(q => !string.IsNullOrEmpty(q.ProvinceCode))
            .WithMessage("'provinceCode' must be one of the 38 BPS province codes.");
    }
}
