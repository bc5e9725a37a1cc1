using Matchmaking.Domain.Access;
using Matchmaking.Domain.Buyers;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Facilities;

namespace Matchmaking.Domain.Tests;

/// <summary>Buyers, facilities and API keys: what they keep, what they refuse, how they change.</summary>
public sealed class RegistryEntityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddDays(1);

    private static FacilityProfile Facility(GeoPoint? location = null, decimal? capacity = 2000, string name = "Rumah Produksi Bersama Ceper") => new(
        name, "Dinas Koperasi Klaten", "33", location ?? new GeoPoint(-7.68, 110.68), ["metal.casting", "metal.casting", "metal.machining.cnc"],
        [CertificationScheme.Sni, CertificationScheme.Sni], capacity);

    [Fact]
    public void A_facility_keeps_its_profile_without_duplicates_and_counts_replacements()
    {
        var facility = new Facility(Guid.Parse("00000000-0000-0000-0000-0000000000f1"), Facility(), Now);

        Assert.Equal((Guid.Parse("00000000-0000-0000-0000-0000000000f1"), "Rumah Produksi Bersama Ceper", "Dinas Koperasi Klaten", "33", 2000m),
            (facility.Id, facility.Name, facility.Operator, facility.ProvinceCode, facility.MonthlyCapacity!.Value));
        Assert.Equal(new GeoPoint(-7.68, 110.68), facility.Location);
        Assert.Equal(["metal.casting", "metal.machining.cnc"], facility.CapabilityCodes);
        Assert.Equal([CertificationScheme.Sni], facility.CertificationSchemes);
        Assert.Equal((Now, Now, 0), (facility.CreatedAt, facility.UpdatedAt, facility.Version));

        facility.Replace(Facility(name: "RPB Ceper"));

        Assert.Equal(("RPB Ceper", Now), (facility.Name, facility.CreatedAt));
    }

    [Fact]
    public void A_facility_outside_Indonesia_or_with_negative_capacity_is_refused()
    {
        Assert.Equal("location", Assert.Throws<DomainRuleException>(() => new Facility(Guid.NewGuid(), Facility(location: new GeoPoint(1.35, 103.82 - 20)), Now)).Field);
        Assert.Equal("monthlyCapacity", Assert.Throws<DomainRuleException>(() => new Facility(Guid.NewGuid(), Facility(capacity: -1), Now)).Field);
        Assert.Null(new Facility(Guid.NewGuid(), Facility(capacity: null), Now).MonthlyCapacity);
        Assert.Equal(0m, new Facility(Guid.NewGuid(), Facility(capacity: 0), Now).MonthlyCapacity);
    }

    [Fact]
    public void A_buyer_keeps_its_profile_and_takes_replacements()
    {
        var buyer = new Buyer(Guid.Parse("00000000-0000-0000-0000-0000000000b1"), new BuyerProfile("PT PLN (Persero)", BuyerType.Bumn, "electricity", "31"), Now);
        Assert.Equal((Guid.Parse("00000000-0000-0000-0000-0000000000b1"), "PT PLN (Persero)", BuyerType.Bumn, "electricity", "31", Now, Now, 0),
            (buyer.Id, buyer.Name, buyer.Type, buyer.Sector, buyer.ProvinceCode, buyer.CreatedAt, buyer.UpdatedAt, buyer.Version));

        buyer.Replace(new BuyerProfile("PT PLN UID Jateng", BuyerType.Bumd, null, "33"));

        Assert.Equal(("PT PLN UID Jateng", BuyerType.Bumd, (string?)null, "33"), (buyer.Name, buyer.Type, buyer.Sector, buyer.ProvinceCode));
    }

    [Fact]
    public void An_API_key_matches_only_its_secret_until_it_is_revoked_and_revocation_keeps_its_first_time()
    {
        var (key, secret) = ApiKey.Issue(Guid.NewGuid(), "ERP PLN", Role.Buyer, Guid.Parse("00000000-0000-0000-0000-0000000000b1"), Now);

        Assert.StartsWith(ApiKey.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.Equal(secret[..ApiKey.PrefixLength], key.Prefix);
        Assert.Equal(("ERP PLN", Role.Buyer, Guid.Parse("00000000-0000-0000-0000-0000000000b1"), Now), (key.Name, key.Role, key.OrganizationId, key.CreatedAt));
        Assert.Equal(ApiKey.HashOf(secret), key.Hash);
        Assert.True(key.Matches(secret));
        Assert.False(key.Matches(secret + "x"));
        Assert.NotEqual(secret, ApiKey.Issue(Guid.NewGuid(), "other", Role.Buyer, null, Now).Secret);

        key.Revoke(Later);
        key.Revoke(Later.AddDays(1));

        Assert.True(key.IsRevoked);
        Assert.Equal(Later, key.RevokedAt);
        Assert.False(key.Matches(secret));
    }
}
