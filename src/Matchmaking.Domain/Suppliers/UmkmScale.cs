namespace Matchmaking.Domain.Suppliers;

public enum UmkmScale
{
    Micro,
    Small,
    Medium,
    Large,
}

/// <summary>Which figure the scale was derived from.</summary>
public enum ScaleBasis
{
    AnnualRevenue,
    BusinessCapital,
}

/// <summary>UMKM size classes of PP 7/2021 art. 35.</summary>
public static class UmkmClassifier
{
    private const long Miliar = 1_000_000_000;

    /// <summary>
    /// Sales decide when known (the regulation uses capital only at founding/registration);
    /// otherwise business capital (excluding land and buildings).
    /// </summary>
    public static (UmkmScale Scale, ScaleBasis Basis) Classify(long? businessCapitalIdr, long? annualRevenueIdr)
    {
        if (annualRevenueIdr is { } revenue)
        {
            return (ByRevenue(revenue), ScaleBasis.AnnualRevenue);
        }

        if (businessCapitalIdr is { } capital)
        {
            return (ByCapital(capital), ScaleBasis.BusinessCapital);
        }

        throw new Common.DomainRuleException("annualRevenueIdr", "Either annual revenue or business capital is required to derive the UMKM scale.");
    }

    public static UmkmScale ByRevenue(long revenueIdr) => revenueIdr switch
    {
        <= 2 * Miliar => UmkmScale.Micro,
        <= 15 * Miliar => UmkmScale.Small,
        <= 50 * Miliar => UmkmScale.Medium,
        _ => UmkmScale.Large,
    };

    public static UmkmScale ByCapital(long capitalIdr) => capitalIdr switch
    {
        <= 1 * Miliar => UmkmScale.Micro,
        <= 5 * Miliar => UmkmScale.Small,
        <= 10 * Miliar => UmkmScale.Medium,
        _ => UmkmScale.Large,
    };

    /// <summary>Micro and small together are "UMK", the group set-asides target.</summary>
    public static bool IsUmk(UmkmScale scale) => scale is UmkmScale.Micro or UmkmScale.Small;
}
