using System.Globalization;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Domain.Matching;

public enum GapKind
{
    Capability,
    Certification,
    LocalContent,
    Distance,
    Scale,
    Inactive,
}

/// <summary>One hard constraint a supplier fails, named so a person can act on it.</summary>
/// <param name="Subject">The missing capability code or certification scheme, when there is one.</param>
public sealed record Gap(GapKind Kind, string? Subject, string Message);

/// <summary>
/// The hard constraints of a need checked for one supplier in C#. The matcher evaluates the same rules in
/// SQL to find candidates; this version names each failure for near misses and opportunities.
/// </summary>
public static class HardConstraints
{
    /// <summary>A supplier beyond the distance limit is a near miss only up to this multiple of the limit.</summary>
    public const double NearMissDistanceFactor = 2;

    /// <summary>
    /// Whether a supplier is close enough to be a near miss if it fails one constraint: active; for every
    /// needed capability it works in that capability's family (a "metal.*" shop for a "metal.surface.galvanizing"
    /// gap); within twice the distance limit.
    /// </summary>
    public static bool WithinNearMissReach(Need need, Supplier supplier, double distanceKm) =>
        supplier.Active
        && need.CapabilityCodes.All(code => supplier.Capabilities.Any(c => Capability.IsSameOrDescendant(c.Code, code.Split('.')[0])))
        && (need.MaxDistanceKm is not { } maxKm || distanceKm <= NearMissDistanceFactor * maxKm);

    public static List<Gap> Evaluate(Need need, Supplier supplier, double distanceKm, DateOnly today)
    {
        var gaps = new List<Gap>();
        if (!supplier.Active)
        {
            gaps.Add(new Gap(GapKind.Inactive, null, "Supplier is inactive"));
        }

        foreach (var code in need.CapabilityCodes)
        {
            if (!supplier.Capabilities.Any(c => Capability.IsSameOrDescendant(c.Code, code)))
            {
                gaps.Add(new Gap(GapKind.Capability, code, $"Lacks {code}"));
            }
        }

        foreach (var scheme in need.RequiredCertifications)
        {
            if (!supplier.Certifications.Any(c => c.Scheme == scheme && c.IsValidOn(need.NeededBy)))
            {
                gaps.Add(new Gap(GapKind.Certification, Wire(scheme), CertificationGap(need, supplier, scheme, today)));
            }
        }

        if (need.MinTkdnPercent is { } minimum && !(supplier.TkdnPercent >= minimum))
        {
            gaps.Add(new Gap(GapKind.LocalContent, null, supplier.TkdnPercent is { } tkdn
                ? string.Create(CultureInfo.InvariantCulture, $"TKDN {tkdn:0.#}% is below the required {minimum:0.#}%")
                : string.Create(CultureInfo.InvariantCulture, $"TKDN unknown; {minimum:0.#}% required")));
        }

        if (need.MaxDistanceKm is { } maxKm && distanceKm > maxKm)
        {
            gaps.Add(new Gap(GapKind.Distance, null,
                string.Create(CultureInfo.InvariantCulture, $"{distanceKm:0.#} km from the delivery point, beyond the {maxKm:0.#} km limit")));
        }

        if (need.UmkOnly && !UmkmClassifier.IsUmk(supplier.Scale))
        {
            gaps.Add(new Gap(GapKind.Scale, null, $"Scale {Wire(supplier.Scale)}: the need is reserved for micro and small suppliers"));
        }

        return gaps;
    }

    private static string CertificationGap(Need need, Supplier supplier, CertificationScheme scheme, DateOnly today)
    {
        var name = Display(scheme);
        var latest = supplier.Certifications.Where(c => c.Scheme == scheme).MaxBy(c => c.ValidUntil);
        if (latest is null)
        {
            return $"No {name} certificate";
        }

        return latest.ValidUntil < need.NeededBy && latest.ValidUntil < today
            ? $"{name} certificate expired {latest.ValidUntil:yyyy-MM-dd}"
            : $"{name} certificate valid until {latest.ValidUntil:yyyy-MM-dd}, before the need's date {need.NeededBy:yyyy-MM-dd}";
    }

    public static string Display(CertificationScheme scheme) => scheme switch
    {
        CertificationScheme.Sni => "SNI",
        CertificationScheme.Iso9001 => "ISO 9001",
        CertificationScheme.Iso14001 => "ISO 14001",
        CertificationScheme.Iso45001 => "ISO 45001",
        CertificationScheme.Tkdn => "TKDN",
        CertificationScheme.Spln => "SPLN",
        CertificationScheme.Halal => "Halal",
        _ => "required",
    };

    public static string Wire(Enum value) => value.ToString().ToLowerInvariant();
}
