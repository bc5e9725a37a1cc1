namespace Matchmaking.Domain.Common;

/// <summary>A WGS84 point in decimal degrees.</summary>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    // A generous box around the archipelago: Weh island (~6°N) to Rote (~11°S), Sabang (95°E) to Merauke (141°E).
    public const double MinLatitude = -11.5;
    public const double MaxLatitude = 6.5;
    public const double MinLongitude = 94.5;
    public const double MaxLongitude = 141.5;

    public const double EarthRadiusKm = 6371.0088;

    public bool IsInsideIndonesia =>
        Latitude is >= MinLatitude and <= MaxLatitude && Longitude is >= MinLongitude and <= MaxLongitude;

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
