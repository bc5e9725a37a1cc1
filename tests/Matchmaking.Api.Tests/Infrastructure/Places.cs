using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Api.Tests.Infrastructure;

/// <summary>Named locations the tests place suppliers and deliveries at.</summary>
public static class Places
{
    public static readonly LocationInput Klaten = new() { Latitude = -7.70, Longitude = 110.61 };
    public static readonly LocationInput Ceper = new() { Latitude = -7.66, Longitude = 110.68 };
    public static readonly LocationInput Semarang = new() { Latitude = -6.99, Longitude = 110.42 };
    public static readonly LocationInput Tegal = new() { Latitude = -6.87, Longitude = 109.14 };
    public static readonly LocationInput Bandung = new() { Latitude = -6.91, Longitude = 107.61 };
}
