using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Facilities.ListFacilities;

public sealed class ListFacilitiesQueryValidator : AbstractValidator<ListFacilitiesQuery>
{
    public ListFacilitiesQueryValidator(ReferenceCatalog catalog)
    {
        this.AddPageRules();
        RuleFor(q => q.ProvinceCode).OptionalProvince(catalog);
        RuleFor(q => q.Capability).OptionalCapability(catalog);
        RuleFor(q => q.Certification).OptionalWireEnum<ListFacilitiesQuery, CertificationScheme>();
    }
}
