using Matchmaking.Application.Common;
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

    public static IQueryable<Supplier> For(IApplicationDbContext db, Need need)
    {
        var query = db.Suppliers.AsNoTracking().Where(s => s.Active);
        foreach (var code in need.CapabilityCodes)
        {
            var descendants = code + ".%";
            query = query.Where(s => s.Capabilities.Any(c => c.Code == code || EF.Functions.Like(c.Code, descendants)));
        }

        var neededBy = need.NeededBy;
        foreach (var scheme in need.RequiredCertifications)
        {
            query = query.Where(s => s.Certifications.Any(c => c.Scheme == scheme && c.ValidUntil >= neededBy && (c.IssuedOn == null || c.IssuedOn <= neededBy)));
        }

        if (need.MinTkdnPercent is { } minTkdn)
        {
            query = query.Where(s => s.TkdnPercent >= minTkdn);
        }

        if (need.UmkOnly)
        {
            query = query.Where(s => s.Scale == UmkmScale.Micro || s.Scale == UmkmScale.Small);
        }

        if (need.MaxDistanceKm is { } maxKm)
        {
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
