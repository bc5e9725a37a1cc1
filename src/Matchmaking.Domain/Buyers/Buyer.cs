using Matchmaking.Domain.Common;

namespace Matchmaking.Domain.Buyers;

/// <summary>A procuring organisation: BUMN, BUMD, large private company or government body.</summary>
public sealed class Buyer : IVersioned
{
    private Buyer()
    {
        Name = ProvinceCode = string.Empty;
    }

    public Buyer(Guid id, BuyerProfile profile, DateTimeOffset now)
        : this()
    {
        Id = id;
        CreatedAt = UpdatedAt = now;
        Apply(profile);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public BuyerType Type { get; private set; }
    public string? Sector { get; private set; }
    public string ProvinceCode { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public void Replace(BuyerProfile profile)
    {
        Apply(profile);
    }

    private void Apply(BuyerProfile profile)
    {
        Name = profile.Name;
        Type = profile.Type;
        Sector = profile.Sector;
        ProvinceCode = profile.ProvinceCode;
    }
}

public sealed record BuyerProfile(string Name, BuyerType Type, string? Sector, string ProvinceCode);
