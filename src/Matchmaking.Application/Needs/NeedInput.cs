using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Needs;

/// <summary>A procurement need as a buyer posts it (create and replace).</summary>
public sealed record NeedInput
{
    /// <summary>The buyer posting it. Buyer keys may omit it (their own buyer is used); admin keys must give it.</summary>
    public Guid? BuyerId { get; init; }

    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary>Taxonomy codes; all are needed; a supplier meets each with the code or a descendant.</summary>
    public List<string>? CapabilityCodes { get; init; }

    public decimal? Quantity { get; init; }

    /// <summary>Unit of the quantity, e.g. "pcs", "kg".</summary>
    public string? Unit { get; init; }

    /// <summary>Delivery date; must be in the future.</summary>
    public DateOnly? NeededBy { get; init; }

    public string? DeliveryProvinceCode { get; init; }

    /// <summary>Where goods are delivered; defaults to the province capital.</summary>
    public LocationInput? DeliveryLocation { get; init; }

    public long? EstimatedValueIdr { get; init; }

    /// <summary>Schemes a supplier must hold with a certificate valid on neededBy.</summary>
    public List<RequiredCertificationInput>? RequiredCertifications { get; init; }

    public decimal? MinTkdnPercent { get; init; }
    public double? MaxDistanceKm { get; init; }

    /// <summary>Set-aside for micro and small suppliers only.</summary>
    public bool? UmkOnly { get; init; }

    /// <summary>Propose consortia of small suppliers when no single one has the capacity.</summary>
    public bool? AllowConsortium { get; init; }

    /// <summary>Component weights, each ≥ 0; normalised to sum to 1. Defaults: 0.3/0.25/0.2/0.15/0.1.</summary>
    public WeightsInput? Weights { get; init; }

    /// <summary>
    /// balanced (default): suppliers within <c>exposureTolerance</c> score points of each other take turns at the
    /// top, least exposed first; strict: merit order only.
    /// </summary>
    public RankingMode? Ranking { get; init; }

    /// <summary>Score points (0..20) within which suppliers count as near-equal; default 2 (Matching:ExposureTolerance).</summary>
    public double? ExposureTolerance { get; init; }

    /// <summary>On replace: open, closed, awarded or cancelled (only an open need changes status).</summary>
    public NeedStatus? Status { get; init; }

    public NeedProfile ToProfile(ReferenceCatalog catalog)
    {
        var province = catalog.FindProvince(DeliveryProvinceCode!)!;
        var location = DeliveryLocation is null ? new GeoPoint(province.Latitude, province.Longitude) : DeliveryLocation.ToGeoPoint();
        var defaults = ScoringWeights.Default;
        var weights = Weights is null ? defaults : new ScoringWeights(
            Weights.Capability ?? 0, Weights.Capacity ?? 0, Weights.Proximity ?? 0, Weights.TrackRecord ?? 0, Weights.LocalContent ?? 0);
        return new NeedProfile(
            Title!.Trim(), Description, CapabilityCodes!, Quantity!.Value, Unit ?? "pcs", NeededBy!.Value, DeliveryProvinceCode!, location,
            EstimatedValueIdr, RequiredCertifications?.Select(c => c.Scheme!.Value).ToList() ?? [], MinTkdnPercent, MaxDistanceKm,
            UmkOnly ?? false, AllowConsortium ?? false, weights, Ranking ?? RankingMode.Balanced, ExposureTolerance);
    }
}

public sealed record RequiredCertificationInput
{
    public CertificationScheme? Scheme { get; init; }
}

public sealed record WeightsInput
{
    public double? Capability { get; init; }
    public double? Capacity { get; init; }
    public double? Proximity { get; init; }
    public double? TrackRecord { get; init; }
    public double? LocalContent { get; init; }
}

public sealed class NeedInputValidator : AbstractValidator<NeedInput>
{
    public NeedInputValidator(ReferenceCatalog catalog, TimeProvider clock)
    {
        RuleFor(n => n.Title).RequiredText();
        RuleFor(n => n.Description).OptionalText(RuleExtensions.LongTextMaxLength);
        RuleFor(n => n.CapabilityCodes).NotEmpty().WithMessage("'capabilityCodes' needs at least one code.")
            .MaxItems(20, "capability codes");
        RuleForEach(n => n.CapabilityCodes).KnownCapability(catalog);
        RuleFor(n => n.Quantity).NotNull().WithMessage("'quantity' is required.")
            .GreaterThan(0).WithMessage("'quantity' must be greater than zero.")
            .LessThanOrEqualTo(1_000_000_000_000m).WithMessage("'quantity' is implausibly large.");
        RuleFor(n => n.Unit).OptionalText(20);
        RuleFor(n => n.NeededBy).NotNull().WithMessage("'neededBy' is required.")
            .Must(d => d > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("'neededBy' must be in the future.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(RuleExtensions.NeededByMaxYearsAhead))
            .WithMessage($"'neededBy' must be within {RuleExtensions.NeededByMaxYearsAhead} years.");
        RuleFor(n => n.DeliveryProvinceCode).KnownProvince(catalog);
        RuleFor(n => n.DeliveryLocation).SetValidator(new LocationInputValidator()!).When(n => n.DeliveryLocation is not null);
        RuleFor(n => n.EstimatedValueIdr).GreaterThanOrEqualTo(0).WithMessage("'estimatedValueIdr' cannot be negative.");
        RuleFor(n => n.RequiredCertifications).MaxItems(10, "required certifications");
        RuleForEach(n => n.RequiredCertifications).ChildRules(c => c.RuleFor(x => x.Scheme).RequiredEnum());
        RuleFor(n => n.MinTkdnPercent).InclusiveBetween(0, 100).WithMessage("'minTkdnPercent' must be between 0 and 100.");
        RuleFor(n => n.Ranking).IsInEnum();
        RuleFor(n => n.ExposureTolerance).InclusiveBetween(0, ExposureRanking.MaxTolerance)
            .WithMessage($"'exposureTolerance' must be between 0 and {ExposureRanking.MaxTolerance} score points.");
        RuleFor(n => n.MaxDistanceKm).GreaterThan(0).WithMessage("'maxDistanceKm' must be greater than zero.")
            .LessThanOrEqualTo(6000).WithMessage("'maxDistanceKm' must be at most 6000 (Indonesia is 5100 km wide).");
        RuleFor(n => n.Weights).ChildRules(w =>
        {
            w.RuleFor(x => x!.Capability).GreaterThanOrEqualTo(0).WithMessage("Weights cannot be negative.").LessThanOrEqualTo(100);
            w.RuleFor(x => x!.Capacity).GreaterThanOrEqualTo(0).WithMessage("Weights cannot be negative.").LessThanOrEqualTo(100);
            w.RuleFor(x => x!.Proximity).GreaterThanOrEqualTo(0).WithMessage("Weights cannot be negative.").LessThanOrEqualTo(100);
            w.RuleFor(x => x!.TrackRecord).GreaterThanOrEqualTo(0).WithMessage("Weights cannot be negative.").LessThanOrEqualTo(100);
            w.RuleFor(x => x!.LocalContent).GreaterThanOrEqualTo(0).WithMessage("Weights cannot be negative.").LessThanOrEqualTo(100);
        }).When(n => n.Weights is not null);
        RuleFor(n => n.Weights)
            .Must(w => (w!.Capability ?? 0) + (w.Capacity ?? 0) + (w.Proximity ?? 0) + (w.TrackRecord ?? 0) + (w.LocalContent ?? 0) > 0)
            .When(n => n.Weights is not null).WithMessage("At least one weight must be greater than zero.");
    }
}
