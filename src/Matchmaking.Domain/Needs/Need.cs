using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;

namespace Matchmaking.Domain.Needs;

public enum NeedStatus
{
    Open,
    Closed,
    Awarded,
    Cancelled,
}

/// <summary>A buyer's procurement need that suppliers are matched against.</summary>
public sealed class Need : IVersioned
{
    private Need()
    {
        Title = Unit = DeliveryProvinceCode = string.Empty;
        CapabilityCodes = [];
        RequiredCertifications = [];
        DeliveryLocation = new GeoPoint(0, 0);
        Weights = ScoringWeights.Default;
    }

    public Need(Guid id, Guid buyerId, NeedProfile profile, DateTimeOffset now)
        : this()
    {
        Id = id;
        BuyerId = buyerId;
        CreatedAt = UpdatedAt = now;
        Status = NeedStatus.Open;
        Apply(profile);
    }

    public Guid Id { get; private set; }
    public Guid BuyerId { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }

    /// <summary>All are needed; a supplier meets a code with it or any descendant.</summary>
    public IReadOnlyList<string> CapabilityCodes { get; private set; }

    public decimal Quantity { get; private set; }
    public string Unit { get; private set; }
    public DateOnly NeededBy { get; private set; }
    public string DeliveryProvinceCode { get; private set; }
    public GeoPoint DeliveryLocation { get; private set; }
    public long? EstimatedValueIdr { get; private set; }

    /// <summary>Each must be held with a certificate valid on <see cref="NeededBy"/>.</summary>
    public IReadOnlyList<CertificationScheme> RequiredCertifications { get; private set; }

    public decimal? MinTkdnPercent { get; private set; }
    public double? MaxDistanceKm { get; private set; }

    /// <summary>Set-aside: only micro and small suppliers.</summary>
    public bool UmkOnly { get; private set; }

    public bool AllowConsortium { get; private set; }
    public ScoringWeights Weights { get; private set; }

    /// <summary>Balanced (fair exposure among near-equals, the default) or strict merit order.</summary>
    public RankingMode Ranking { get; private set; }

    /// <summary>Score points within which suppliers count as near-equal; null takes the global setting.</summary>
    public double? ExposureTolerance { get; private set; }

    public NeedStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Only an open need's details change; sending a closed need's details back unchanged is allowed.</summary>
    public void Replace(NeedProfile profile)
    {
        if (Status != NeedStatus.Open)
        {
            if (HasDetails(profile))
            {
                return;
            }

            throw new InvalidStateTransitionException(
                $"The need is {Status.ToString().ToLowerInvariant()}; only an open need's details can change.");
        }

        Apply(profile);
    }

    private bool HasDetails(NeedProfile profile) =>
        profile.Title == Title && profile.Description == Description
        && profile.CapabilityCodes.Distinct().SequenceEqual(CapabilityCodes) && profile.Quantity == Quantity && profile.Unit == Unit
        && profile.NeededBy == NeededBy && profile.DeliveryProvinceCode == DeliveryProvinceCode && profile.DeliveryLocation == DeliveryLocation
        && profile.EstimatedValueIdr == EstimatedValueIdr && profile.RequiredCertifications.Distinct().SequenceEqual(RequiredCertifications)
        && profile.MinTkdnPercent == MinTkdnPercent && profile.MaxDistanceKm == MaxDistanceKm && profile.UmkOnly == UmkOnly
        && profile.AllowConsortium == AllowConsortium && profile.Weights.Normalized() == Weights
        && profile.Ranking == Ranking && profile.ExposureTolerance == ExposureTolerance;

    /// <summary>open → closed | awarded | cancelled; the others are final. Same status is a no-op.</summary>
    public void ChangeStatus(NeedStatus target)
    {
        if (target == Status)
        {
            return;
        }

        if (Status != NeedStatus.Open)
        {
            throw new InvalidStateTransitionException($"The need is {Status.ToString().ToLowerInvariant()}; only an open need can change status.");
        }

        Status = target;
    }

    private void Apply(NeedProfile profile)
    {
        if (profile.Quantity <= 0)
        {
            throw new DomainRuleException("quantity", "Quantity must be greater than zero.");
        }

        if (!profile.DeliveryLocation.IsInsideIndonesia)
        {
            throw new DomainRuleException("deliveryLocation", "Delivery location must be inside Indonesia.");
        }

        Title = profile.Title;
        Description = profile.Description;
        CapabilityCodes = [.. profile.CapabilityCodes.Distinct()];
        Quantity = profile.Quantity;
        Unit = profile.Unit;
        NeededBy = profile.NeededBy;
        DeliveryProvinceCode = profile.DeliveryProvinceCode;
        DeliveryLocation = profile.DeliveryLocation;
        EstimatedValueIdr = profile.EstimatedValueIdr;
        RequiredCertifications = [.. profile.RequiredCertifications.Distinct()];
        MinTkdnPercent = profile.MinTkdnPercent;
        MaxDistanceKm = profile.MaxDistanceKm;
        UmkOnly = profile.UmkOnly;
        if (profile.ExposureTolerance is < 0 or > ExposureRanking.MaxTolerance)
        {
            throw new DomainRuleException("exposureTolerance", $"'exposureTolerance' must be between 0 and {ExposureRanking.MaxTolerance} score points.");
        }

        AllowConsortium = profile.AllowConsortium;
        Ranking = profile.Ranking;
        ExposureTolerance = profile.ExposureTolerance;
        Weights = profile.Weights.Normalized();
    }
}

public sealed record NeedProfile(
    string Title,
    string? Description,
    IReadOnlyList<string> CapabilityCodes,
    decimal Quantity,
    string Unit,
    DateOnly NeededBy,
    string DeliveryProvinceCode,
    GeoPoint DeliveryLocation,
    long? EstimatedValueIdr,
    IReadOnlyList<CertificationScheme> RequiredCertifications,
    decimal? MinTkdnPercent,
    double? MaxDistanceKm,
    bool UmkOnly,
    bool AllowConsortium,
    ScoringWeights Weights,
    RankingMode Ranking = RankingMode.Balanced,
    double? ExposureTolerance = null);
