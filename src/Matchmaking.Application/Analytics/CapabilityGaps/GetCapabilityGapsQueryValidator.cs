using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Analytics.CapabilityGaps;

public sealed class GetCapabilityGapsQueryValidator : AbstractValidator<GetCapabilityGapsQuery>
{
    public GetCapabilityGapsQueryValidator(ReferenceCatalog catalog)
    {
        RuleFor(q => q.ProvinceCode).OptionalProvince(catalog);
    }
}
