using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Suppliers.ListSuppliers;

public sealed class ListSuppliersQueryValidator : AbstractValidator<ListSuppliersQuery>
{
    public ListSuppliersQueryValidator(ReferenceCatalog catalog)
    {
        this.AddPageRules();
        RuleFor(q => q.ProvinceCode).Must(catalog.IsProvince).When(q => !string.IsNullOrEmpty(q.ProvinceCode))
            .WithMessage("'provinceCode' must be one of the 38 BPS province codes.");
        RuleFor(q => q.Scale).Must(s => RuleExtensions.TryParseWireEnum<UmkmScale>(s, out _))
            .WithMessage($"'scale' must be one of: {RuleExtensions.WireNames<UmkmScale>()}.");
        RuleFor(q => q.Capability).Must(catalog.IsCapability).When(q => !string.IsNullOrEmpty(q.Capability))
            .WithMessage("'capability' must be a code of the capability taxonomy.");
        RuleFor(q => q.Certification).Must(s => RuleExtensions.TryParseWireEnum<CertificationScheme>(s, out _))
            .WithMessage($"'certification' must be one of: {RuleExtensions.WireNames<CertificationScheme>()}.");
        RuleFor(q => q.Q).MaximumLength(100).WithMessage("'q' must be at most 100 characters.");
    }
}
