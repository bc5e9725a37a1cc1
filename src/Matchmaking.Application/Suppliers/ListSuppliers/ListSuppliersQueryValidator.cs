using FluentValidation;
using Matchmaking.Application.Common.Models;
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
        RuleFor(q => q.ProvinceCode).OptionalProvince(catalog);
        RuleFor(q => q.Scale).OptionalWireEnum<ListSuppliersQuery, UmkmScale>();
        RuleFor(q => q.Capability).OptionalCapability(catalog);
        RuleFor(q => q.Certification).OptionalWireEnum<ListSuppliersQuery, CertificationScheme>();
        RuleFor(q => q.Q).MaximumLength(100).WithMessage("'q' must be at most 100 characters.");
        RuleFor(q => q.After).Must(after => after is null || KeysetCursor.TryDecode(after, out _, out _))
            .WithMessage("'after' must be the 'next' cursor of a previous page.");
        RuleFor(q => q.Page).Equal(1).When(q => q.After is not null).WithMessage("Use either 'page' or 'after', not both.");
    }
}
