using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Analytics.Linkage;

public sealed class GetLinkageQueryValidator : AbstractValidator<GetLinkageQuery>
{
    public GetLinkageQueryValidator(ReferenceCatalog catalog)
    {
        RuleFor(q => q.ProvinceCode).OptionalProvince(catalog);
        RuleFor(q => q.Scale).OptionalWireEnum<GetLinkageQuery, UmkmScale>();
    }
}
