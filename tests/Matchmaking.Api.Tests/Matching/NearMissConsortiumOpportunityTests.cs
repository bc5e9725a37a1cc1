using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Matching;
using Matchmaking.Application.Matching.ListNearMisses;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Suppliers;
using Matchmaking.Application.Suppliers.ListOpportunities;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;

using static Matchmaking.Api.Tests.Infrastructure.Places;

namespace Matchmaking.Api.Tests.Matching;

public sealed class NearMissConsortiumOpportunityTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly LocationInput Boyolali = new() { Latitude = -7.53, Longitude = 110.60 };
    private static readonly LocationInput Surabaya = new() { Latitude = -7.26, Longitude = 112.75 };

    private readonly DateOnly _neededBy = ApiFixture.Clock.Today.AddMonths(6);
    private Guid _buyer;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _buyer = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
    }

    [Fact]
    public async Task ExpiredRequiredCertificate_AppearsAsNearMissNamingIt_WithFacilityUpgradePath()
    {
        var facility = await FacilityAsync("RPB Ceper", ["metal.casting.iron"], [CertificationScheme.Sni], Ceper);
        var expired = await Scenario.SupplierAsync("CV Expired SNI", certifications: [TestData.Certificate(CertificationScheme.Sni, new DateOnly(2025, 5, 1))]);
        var valid = await Scenario.SupplierAsync("CV Valid SNI", certifications: [TestData.Certificate(CertificationScheme.Sni, _neededBy.AddYears(1))]);
        var need = await Scenario.NeedAsync(_buyer, TestData.Need(neededBy: _neededBy, requiredCertifications: [CertificationScheme.Sni]));

        var matches = await Scenario.RunAndListAsync(need);
        var nearMisses = await NearMissesAsync(need);

        Assert.Equal([valid], matches.Items.Select(m => m.Supplier!.Id));
        var miss = Assert.Single(nearMisses.Items);
        Assert.Equal(expired, miss.Supplier.Id);
        Assert.Equal(["SNI certificate expired 2025-05-01"], miss.Gaps);
        Assert.Equal(facility, miss.UpgradePath!.FacilityId);
        Assert.Equal("sni", miss.UpgradePath.Provides);
        Assert.InRange(miss.UpgradePath.DistanceKm, 5, 10);
    }

    [Fact]
    public async Task MissingCapability_IsNamed_AndOnlyAFacilityWithinReachIsAnUpgradePath()
    {
        var near = await FacilityAsync("Galvanis Klaten", ["metal.surface.galvanizing"], [], Ceper);
        await FacilityAsync("Galvanis Sidoarjo", ["metal.surface.galvanizing"], [], Surabaya, provinceCode: "35");
        var welder = await Scenario.SupplierAsync("CV Las", capabilities: ["metal.fabrication.welding"]);
        var farWelder = await Scenario.SupplierAsync("CV Las Surabaya", capabilities: ["metal.fabrication.welding"], location: new() { Latitude = -8.10, Longitude = 114.30 },
            provinceCode: "35", regencyCode: "3510");
        await Scenario.SupplierAsync("CV Cor Only", capabilities: ["metal.casting.iron"]);
        var need = await Scenario.NeedAsync(_buyer, TestData.Need(capabilityCodes: ["metal.fabrication", "metal.surface.galvanizing"]));

        var nearMisses = await NearMissesAsync(need);

        Assert.Equal(new[] { welder, farWelder }.Order(), nearMisses.Items.Select(m => m.Supplier.Id).Order());
        Assert.All(nearMisses.Items, m => Assert.Equal(["Lacks metal.surface.galvanizing"], m.Gaps));
        Assert.Equal(near, nearMisses.Items.Single(m => m.Supplier.Id == welder).UpgradePath!.FacilityId);
        Assert.Null(nearMisses.Items.Single(m => m.Supplier.Id == farWelder).UpgradePath);
    }

    [Fact]
    public async Task SupplierFailingTwoConstraints_IsNotANearMiss()
    {
        await Scenario.SupplierAsync("PT Big Expired", revenue: 90_000_000_000,
            certifications: [TestData.Certificate(CertificationScheme.Sni, new DateOnly(2025, 1, 1))]);
        var big = await Scenario.SupplierAsync("PT Big Valid", revenue: 90_000_000_000,
            certifications: [TestData.Certificate(CertificationScheme.Sni, _neededBy.AddYears(1))]);
        var need = await Scenario.NeedAsync(_buyer, TestData.Need(neededBy: _neededBy, requiredCertifications: [CertificationScheme.Sni], umkOnly: true));

        var miss = Assert.Single((await NearMissesAsync(need)).Items);

        Assert.Equal(big, miss.Supplier.Id);
        Assert.Equal(["Scale large: the need is reserved for micro and small suppliers"], miss.Gaps);
        Assert.Null(miss.UpgradePath);
    }

    [Fact]
    public async Task Consortium_AppearsWhenNoSingleSupplierHasTheCapacity_NoMemberAbove70Percent()
    {
        var a = await Scenario.SupplierAsync("CV A", monthlyCapacity: 400, location: Klaten);
        var b = await Scenario.SupplierAsync("CV B", monthlyCapacity: 400, location: Ceper);
        var c = await Scenario.SupplierAsync("CV C", monthlyCapacity: 300, location: Boyolali);
        var need = await Scenario.NeedAsync(_buyer, TestData.Need(quantity: 6000, neededBy: _neededBy, allowConsortium: true));

        var matches = await Scenario.RunAndListAsync(need);

        var consortia = matches.Items.Where(m => m.Kind == MatchKind.Consortium).ToList();
        Assert.NotEmpty(consortia);
        Assert.Equal(3, matches.Items.Count(m => m.Kind == MatchKind.Single));
        foreach (var consortium in consortia)
        {
            Assert.Null(consortium.Supplier);
            Assert.Equal(1.0, consortium.Members!.Sum(m => m.Share), 3);
            Assert.All(consortium.Members!, m => Assert.True(m.Share <= 0.7, $"{m.Name} has {m.Share}"));
            Assert.Equal(consortium.Members!.Max(m => m.Share), consortium.Members![0].Share);
            Assert.Equal(1.0, consortium.Components.Capacity);
            Assert.Contains(consortium.Reasons, r => r.StartsWith("No single supplier can deliver", StringComparison.Ordinal));
        }

        // 400/month for six months is 2400 of 6000 (40%): all three are needed (40% + 40% + 30% of capacity).
        Assert.Equal(new[] { a, b, c }.Order(), consortia[0].Members!.Select(m => m.SupplierId).Order());
        Assert.Equal(matches.Items.Select(m => m.Rank), Enumerable.Range(1, matches.Items.Count));
    }

    [Fact]
    public async Task Consortium_CapsTheBigMemberAt70Percent()
    {
        await Scenario.SupplierAsync("CV Big", monthlyCapacity: 900, location: Klaten);
        await Scenario.SupplierAsync("CV Small 1", monthlyCapacity: 200, location: Ceper);
        await Scenario.SupplierAsync("CV Small 2", monthlyCapacity: 200, location: Boyolali);
        var need = await Scenario.NeedAsync(_buyer, TestData.Need(quantity: 6000, neededBy: _neededBy, allowConsortium: true));

        var consortium = (await Scenario.RunAndListAsync(need)).Items.First(m => m.Kind == MatchKind.Consortium);

        // Big can make ~5400 (90%) but is allotted at most 4200 (70%); the two small ones make ~1200 each.
        Assert.Equal("CV Big", consortium.Members![0].Name);
        Assert.InRange(consortium.Members[0].Share, 0.62, 0.65);
        Assert.Equal(3, consortium.Members.Count);
    }

    [Fact]
    public async Task NoConsortium_WhenOneSupplierHasTheCapacity_OrConsortiaAreNotAllowed()
    {
        await Scenario.SupplierAsync("CV Big", monthlyCapacity: 2000, location: Klaten);
        await Scenario.SupplierAsync("CV Small", monthlyCapacity: 400, location: Ceper);
        var coverable = await Scenario.NeedAsync(_buyer, TestData.Need(quantity: 6000, neededBy: _neededBy, allowConsortium: true));
        var notAllowed = await Scenario.NeedAsync(_buyer, TestData.Need(quantity: 60000, neededBy: _neededBy, allowConsortium: false));

        Assert.DoesNotContain((await Scenario.RunAndListAsync(coverable)).Items, m => m.Kind == MatchKind.Consortium);
        Assert.DoesNotContain((await Scenario.RunAndListAsync(notAllowed)).Items, m => m.Kind == MatchKind.Consortium);
    }

    [Fact]
    public async Task Matches_FilterByKind()
    {
        await Scenario.SupplierAsync("CV A", monthlyCapacity: 400, location: Klaten);
        await Scenario.SupplierAsync("CV B", monthlyCapacity: 400, location: Ceper);
        var need = await Scenario.NeedAsync(_buyer, TestData.Need(quantity: 4000, neededBy: _neededBy, allowConsortium: true));
        await Scenario.RunAndListAsync(need);

        var consortia = await (await Client.GetAsync($"/api/v1/needs/{need}/matches?kind=consortium")).ReadAsync<PagedList<MatchDto>>();

        Assert.NotEmpty(consortia.Items);
        Assert.All(consortia.Items, m => Assert.Equal(MatchKind.Consortium, m.Kind));
    }

    [Fact]
    public async Task Opportunities_AreOpenNeedsTheSupplierMeets_BestFirst()
    {
        var supplier = await Scenario.SupplierAsync("CV Iron", capabilities: ["metal.casting.iron"], certifications: [TestData.Certificate(CertificationScheme.Iso9001, _neededBy.AddYears(2))]);
        var near = await Scenario.NeedAsync(_buyer, TestData.Need(capabilityCodes: ["metal.casting"]) with { DeliveryLocation = Klaten, Title = "Near" });
        var far = await Scenario.NeedAsync(_buyer, TestData.Need(capabilityCodes: ["metal.casting.iron"]) with { DeliveryLocation = Surabaya, DeliveryProvinceCode = "35", Title = "Far" });
        await Scenario.NeedAsync(_buyer, TestData.Need(requiredCertifications: [CertificationScheme.Sni]) with { Title = "Needs SNI" });
        await Scenario.NeedAsync(_buyer, TestData.Need(capabilityCodes: ["metal.machining"]) with { Title = "Machining" });
        var closed = await Scenario.NeedAsync(_buyer, TestData.Need() with { Title = "Closed" });
        await (await Client.PutJsonAsync($"/api/v1/needs/{closed}", TestData.Need(buyerId: _buyer) with { Status = Domain.Needs.NeedStatus.Closed })).ShouldBeAsync(HttpStatusCode.OK);
        var (own, _, _) = await ClientForRoleAsync("supplier", supplier);

        var opportunities = await (await own.GetAsync($"/api/v1/suppliers/{supplier}/opportunities")).ReadAsync<PagedList<OpportunityDto>>();

        Assert.Equal([near, far], opportunities.Items.Select(o => o.NeedId));
        Assert.Equal("PT PLN (Persero)", opportunities.Items[0].BuyerName);
        Assert.True(opportunities.Items[0].Score > opportunities.Items[1].Score);
    }

    [Fact]
    public async Task Opportunities_AreOnlyForTheSupplierItselfAndAdmin()
    {
        var supplier = await Scenario.SupplierAsync("CV A");
        var other = await Scenario.SupplierAsync("CV B");
        var (otherClient, _, _) = await ClientForRoleAsync("supplier", other);
        var (buyer, _, _) = await ClientForRoleAsync("buyer", _buyer);

        await (await otherClient.GetAsync($"/api/v1/suppliers/{supplier}/opportunities")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await buyer.GetAsync($"/api/v1/suppliers/{supplier}/opportunities")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/suppliers/{supplier}/opportunities")).StatusCode);
        await (await Client.GetAsync($"/api/v1/suppliers/{Guid.NewGuid()}/opportunities")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NearMisses_OfAnotherBuyersNeed_Are404()
    {
        var need = await Scenario.NeedAsync(_buyer, TestData.Need());
        var other = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer(name: "PT KAI"))).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
        var (kai, _, _) = await ClientForRoleAsync("buyer", other);

        await (await kai.GetAsync($"/api/v1/needs/{need}/near-misses")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<Guid> FacilityAsync(string name, string[] capabilities, CertificationScheme[] schemes, LocationInput location, string provinceCode = "33")
    {
        var body = TestData.Facility(name: name, provinceCode: provinceCode, capabilityCodes: capabilities, schemes: schemes) with { Location = location };
        return (await (await Client.PostJsonAsync("/api/v1/facilities", body)).ReadAsync<Application.Facilities.FacilityDto>(HttpStatusCode.Created)).Id;
    }

    private async Task<PagedList<NearMissDto>> NearMissesAsync(Guid need) =>
        await (await Client.GetAsync($"/api/v1/needs/{need}/near-misses")).ReadAsync<PagedList<NearMissDto>>();

}
