using Matchmaking.Domain.Common;

namespace Matchmaking.Application.Common.Validation;

/// <summary>A point as clients send it.</summary>
public sealed record LocationInput
{
    /// <summary>Decimal degrees, about 6°N..11°S.</summary>
    public double? Latitude { get; init; }

    /// <summary>Decimal degrees, about 95°E..141°E.</summary>
    public double? Longitude { get; init; }

    public GeoPoint ToGeoPoint() => new(Latitude!.Value, Longitude!.Value);
}

/// <summary>A point as the API returns it.</summary>
public sealed record LocationDto(double Latitude, double Longitude);
