using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Suppliers;

public sealed class SupplierInputValidator : AbstractValidator<SupplierInput>
{
    public const int MaxCapabilities = 50;
    public const int MaxCertifications = 50;
    public const int MaxKbliCodes = 30;

    public SupplierInputValidator(ReferenceCatalog catalog)
    {
        RuleFor(s => s.Name).RequiredText();
        RuleFor(s => s.Nib).NotEmpty().WithMessage("'nib' is required.")
            .Must(Identifiers.IsValidNib).WithMessage("'nib' must be exactly 13 digits.");
        RuleFor(s => s.LegalForm).RequiredEnum();
        RuleFor(s => s.BusinessCapitalIdr).GreaterThanOrEqualTo(0).WithMessage("'businessCapitalIdr' cannot be negative.");
        RuleFor(s => s.AnnualRevenueIdr).GreaterThanOrEqualTo(0).WithMessage("'annualRevenueIdr' cannot be negative.");
        RuleFor(s => s.AnnualRevenueIdr).NotNull()
            .When(s => s.BusinessCapitalIdr is null)
            .WithMessage("Give 'annualRevenueIdr' or 'businessCapitalIdr': the UMKM scale is derived from them.");
        RuleFor(s => s.ProvinceCode).KnownProvince(catalog);
        RuleFor(s => s.RegencyCode)
            .Must((s, regency) => Identifiers.IsRegencyOf(regency, s.ProvinceCode))
            .When(s => s.RegencyCode is not null)
            .WithMessage("'regencyCode' must be 4 digits starting with the province code.");
        RuleFor(s => s.Location).ValidLocation();
        RuleFor(s => s.KbliCodes).MaxItems(MaxKbliCodes, "KBLI codes");
        RuleForEach(s => s.KbliCodes).Must(Identifiers.IsValidKbli).WithMessage("Each KBLI code must be 5 digits.");
        RuleFor(s => s.KbliVersion).Must(v => v is "2020" or "2025").When(s => s.KbliVersion is not null)
            .WithMessage("'kbliVersion' must be \"2020\" or \"2025\".");
        RuleFor(s => s.Capabilities).MaxItems(MaxCapabilities, "capabilities");
        RuleFor(s => s.Capabilities).Must(c => c!.Select(x => x.Code).Distinct().Count() == c!.Count)
            .When(s => s.Capabilities is not null).WithMessage("Each capability code may appear once.");
        RuleForEach(s => s.Capabilities).SetValidator(new SupplierCapabilityInputValidator(catalog));
        RuleFor(s => s.Certifications).MaxItems(MaxCertifications, "certifications");
        RuleForEach(s => s.Certifications).SetValidator(new CertificationInputValidator());
        RuleFor(s => s.TkdnPercent).InclusiveBetween(0, 100).WithMessage("'tkdnPercent' must be between 0 and 100.");
        RuleFor(s => s.Employees).InclusiveBetween(0, 1_000_000).WithMessage("'employees' must be between 0 and 1000000.");
        RuleFor(s => s.Cooperative).OptionalText(RuleExtensions.NameMaxLength);
        RuleFor(s => s.Description).OptionalText(RuleExtensions.LongTextMaxLength);
        RuleFor(s => s.Contact).SetValidator(new ContactInputValidator()!).When(s => s.Contact is not null);
    }
}

public sealed class SupplierCapabilityInputValidator : AbstractValidator<SupplierCapabilityInput>
{
    public SupplierCapabilityInputValidator(ReferenceCatalog catalog)
    {
        RuleFor(c => c.Code).KnownCapability(catalog);
        RuleFor(c => c.MonthlyCapacity).GreaterThanOrEqualTo(0).WithMessage("'monthlyCapacity' cannot be negative.")
            .LessThanOrEqualTo(1_000_000_000_000m).WithMessage("'monthlyCapacity' is implausibly large.");
        RuleFor(c => c.Unit).OptionalText(20);
        RuleFor(c => c.Description).OptionalText(RuleExtensions.LongTextMaxLength);
    }
}

public sealed class CertificationInputValidator : AbstractValidator<CertificationInput>
{
    public CertificationInputValidator()
    {
        RuleFor(c => c.Scheme).RequiredEnum();
        RuleFor(c => c.Number).OptionalText(RuleExtensions.ShortTextMaxLength);
        RuleFor(c => c.Issuer).OptionalText(RuleExtensions.NameMaxLength);
        RuleFor(c => c.ValidUntil).NotNull().WithMessage("'validUntil' is required.")
            .InclusiveBetween(RuleExtensions.EarliestDate, RuleExtensions.LatestValidUntil)
            .WithMessage($"'validUntil' must be between {RuleExtensions.EarliestDate:yyyy-MM-dd} and {RuleExtensions.LatestValidUntil:yyyy-MM-dd}.");
        RuleFor(c => c.IssuedOn).InclusiveBetween(RuleExtensions.EarliestDate, RuleExtensions.LatestValidUntil)
            .WithMessage($"'issuedOn' must be between {RuleExtensions.EarliestDate:yyyy-MM-dd} and {RuleExtensions.LatestValidUntil:yyyy-MM-dd}.");
        RuleFor(c => c.ValidUntil).GreaterThan(c => c.IssuedOn)
            .When(c => c.IssuedOn is not null && c.ValidUntil is not null)
            .WithMessage("'validUntil' must be after 'issuedOn'.");
    }
}

public sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator()
    {
        RuleFor(c => c.Name).OptionalText(RuleExtensions.NameMaxLength);
        RuleFor(c => c.Email).OptionalText(RuleExtensions.NameMaxLength).EmailAddress();
        RuleFor(c => c.Phone).OptionalText(30)
            .Matches(@"^\+?[0-9 ()-]{6,30}$").WithMessage("'phone' must be a phone number, e.g. +6281234567890.");
    }
}
