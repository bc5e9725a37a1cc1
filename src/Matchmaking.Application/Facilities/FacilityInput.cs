using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Facilities;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Facilities;

/// <summary>A factory-sharing facility as clients send it (create and replace).</summary>
public sealed record FacilityInput
{
    public string? Name { get; init; }

    /// <summary>Who runs it, e.g. a cooperative, a BUMN or a ministry program.</summary>
    public string? Operator { get; init; }

    public string? ProvinceCode { get; init; }

    public LocationInput? Location { get; init; }

    /// <summary>Processes the facility offers to nearby UMKM (taxonomy codes).</summary>
    public List<string>? CapabilityCodes { get; init; }

    /// <summary>Certification routes it offers (e.g. production under its SNI certificate).</summary>
    public List<CertificationScheme>? CertificationSchemes { get; init; }

    public decimal? MonthlyCapacity { get; init; }

    public FacilityProfile ToProfile() => new(
        Name!.Trim(), Operator!.Trim(), ProvinceCode!, Location!.ToGeoPoint(),
        CapabilityCodes ?? [], CertificationSchemes ?? [], MonthlyCapacity);
}

public sealed class FacilityInputValidator : AbstractValidator<FacilityInput>
{
    public FacilityInputValidator(ReferenceCatalog catalog)
    {
        RuleFor(f => f.Name).RequiredText();
        RuleFor(f => f.Operator).RequiredText();
        RuleFor(f => f.ProvinceCode).KnownProvince(catalog);
        RuleFor(f => f.Location).ValidLocation();
        RuleFor(f => f.CapabilityCodes).MaxItems(50, "capability codes");
        RuleFor(f => f.CertificationSchemes).MaxItems(10, "certification schemes");
        RuleForEach(f => f.CapabilityCodes).KnownCapability(catalog);
        RuleForEach(f => f.CertificationSchemes).IsInEnum();
        RuleFor(f => f.MonthlyCapacity).GreaterThanOrEqualTo(0).WithMessage("'monthlyCapacity' cannot be negative.")
            .LessThanOrEqualTo(1_000_000_000_000m).WithMessage("'monthlyCapacity' is implausibly large.");
    }
}
