using Matchmaking.Application.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Matching;

/// <summary>
/// The hard constraints, evaluated in PostgreSQL so a run reads candidates, not the table: active;
/// every needed capability or a descendant (index on code, text_pattern_ops); every required certificate
/// valid on neededBy (index on scheme, valid_until); TKDN ≥ minimum; micro/small when umkOnly; and a
/// bounding box around the delivery point for maxDistanceKm (the exact great-circle test follows in C#).
/// </summary>
public static class CandidateQuery
{
    private const double KmPerDegreeLatitude = 111.2;

    public static IQueryable<Supplier> For(IApplicationDbContext db, Need need) => For(db, need, Relaxation.None);

    /// <summary>
    /// The same query with one constraint left out: what near misses are drawn from. A left-out capability
    /// still asks for a process of the same family (a "metal.*" shop for a "metal.surface.galvanizing" gap),
    /// and a left-out distance limit still looks no further than twice the limit.
    /// </summary>
    public static IQueryable<Supplier> For(IApplicationDbContext db, Need need, Relaxation relax)
    {
        var query = db.Suppliers.AsNoTracking().Where(s => s.Active);
        foreach (var code in need.CapabilityCodes)
        {
            if (relax.Kind == GapKind.Capability && relax.Subject == code)
            {
                var family = code.Split('.')[0];
                var familyDescendants = family + ".%";
                query = query.Where(s => s.Capabilities.Any(c => c.Code == family || EF.Functions.Like(c.Code, familyDescendants)));
                continue;
            }

            var descendants = code + ".%";
            query = query.Where(s => s.Capabilities.Any(c => c.Code == code || EF.Functions.Like(c.Code, descendants)));
        }

        var neededBy = need.NeededBy;
        foreach (var scheme in need.RequiredCertifications)
        {
            if (relax.Kind == GapKind.Certification && relax.Subject == scheme.ToString().ToLowerInvariant())
            {
                continue;
            }

            query = query.Where(s => s.Certifications.Any(c => c.Scheme == scheme && c.ValidUntil >= neededBy && (c.IssuedOn == null || c.IssuedOn <= neededBy)));
        }

        if (need.MinTkdnPercent is { } minTkdn && relax.Kind != GapKind.LocalContent)
        {
            query = query.Where(s => s.TkdnPercent >= minTkdn);
        }

        if (need.UmkOnly && relax.Kind != GapKind.Scale)
        {
            query = query.Where(s => s.Scale == UmkmScale.Micro || s.Scale == UmkmScale.Small);
        }

        if (need.MaxDistanceKm is { } limitKm)
        {
            var maxKm = relax.Kind == GapKind.Distance ? 2 * limitKm : limitKm;
            var latitude = need.DeliveryLocation.Latitude;
            var longitude = need.DeliveryLocation.Longitude;
            var dLat = maxKm / KmPerDegreeLatitude;
            var dLon = maxKm / (KmPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180));
            query = query.Where(s => s.Location.Latitude >= latitude - dLat && s.Location.Latitude <= latitude + dLat
                && s.Location.Longitude >= longitude - dLon && s.Location.Longitude <= longitude + dLon);
        }

        return query;
    }
}

/// <summary>Which hard constraint a query leaves out (none for the matcher itself).</summary>
public sealed record Relaxation(GapKind? Kind, string? Subject = null)
{
    public static readonly Relaxation None = new(Kind: null);

    /// <summary>One relaxation per constraint the need actually has.</summary>
    public static IEnumerable<Relaxation> AllFor(Need need)
    {
        foreach (var code in need.CapabilityCodes)
        {
            yield return new Relaxation(GapKind.Capability, code);
        }

        foreach (var scheme in need.RequiredCertifications)
        {
            yield return new Relaxation(GapKind.Certification, scheme.ToString().ToLowerInvariant());
        }

        if (need.MinTkdnPercent is not null)
        {
            yield return new Relaxation(GapKind.LocalContent);
        }

        if (need.MaxDistanceKm is not null)
        {
            yield return new Relaxation(GapKind.Distance);
        }

        if (need.UmkOnly)
        {
            yield return new Relaxation(GapKind.Scale);
        }
    }
}
