namespace Matchmaking.Domain.Reference;

/// <summary>A province with its BPS code and the capital's coordinates.</summary>
public sealed class Province(string code, string name, string capital, double latitude, double longitude)
{
    public string Code { get; private set; } = code;
    public string Name { get; private set; } = name;
    public string Capital { get; private set; } = capital;
    public double Latitude { get; private set; } = latitude;
    public double Longitude { get; private set; } = longitude;
}
