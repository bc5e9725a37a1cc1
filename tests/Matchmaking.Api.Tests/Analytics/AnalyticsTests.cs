using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Analytics.CapabilityGaps;
using Matchmaking.Application.Analytics.Funnel;
using Matchmaking.Application.Analytics.Linkage;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;

namespace Matchmaking.Api.Tests.Analytics;

public sealed class AnalyticsTests(ApiFixture fixture) : ApiTest(fixture)
{

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Linkage_CountsSuppliersPartneredWithBumnBumdOrLargeBuyers()
    {
        // Ten suppliers: seven in Jawa Tengah (one of them medium), three in Jawa Barat; two export.
        var suppliers = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            suppliers.Add(await Scenario.SupplierAsync($"CV {i}", provinceCode: i < 7 ? "33" : "32", exportExperience: i is 0 or 8,
                revenue: i == 6 ? 30_000_000_000 : 3_500_000_000));
        }

        // Three are linked to PLN (two in 33, one in 32); one more only to a government office, which does not count.
        var pln = await Scenario.BuyerAsync();
        var matches = await Scenario.RunAsync(await Scenario.NeedAsync(pln));
        foreach (var index in new[] { 0, 1, 7 })
        {
            await Scenario.PartnershipAsync(matches[suppliers[index]], suppliers[index]);
        }

        var government = await Scenario.BuyerAsync("Dinas PU Klaten", BuyerType.Government);
        var governmentMatches = await Scenario.RunAsync(await Scenario.NeedAsync(government));
        await Scenario.PartnershipAsync(governmentMatches[suppliers[2]], suppliers[2]);

        var report = await (await Client.GetAsync("/api/v1/analytics/linkage")).ReadAsync<LinkageReport>();

        Assert.Equal((10, 3, 0.3, 2, 0.2), (report.Total.Registered, report.Total.Linked, report.Total.ShareLinked, report.Total.Exporting, report.Total.ShareExporting));
        var jabar = report.ByProvince.Single(p => p.Key == "32");
        var jateng = report.ByProvince.Single(p => p.Key == "33");
        Assert.Equal(("Jawa Barat", 3, 1, 0.3333), (jabar.Name, jabar.Registered, jabar.Linked, jabar.ShareLinked));
        Assert.Equal(("Jawa Tengah", 7, 2, 0.2857), (jateng.Name, jateng.Registered, jateng.Linked, jateng.ShareLinked));
        Assert.Equal(["small", "medium"], report.ByScale.Select(s => s.Key));
        Assert.Equal((9, 3), (report.ByScale[0].Registered, report.ByScale[0].Linked));

        var filtered = await (await Client.GetAsync("/api/v1/analytics/linkage?provinceCode=33&scale=small")).ReadAsync<LinkageReport>();
        Assert.Equal((6, 2), (filtered.Total.Registered, filtered.Total.Linked));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/linkage");
        request.Headers.Accept.ParseAdd("text/csv");
        var lines = (await (await Client.SendAsync(request)).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dimension,key,name,registered,linked,shareLinked,exporting,shareExporting", lines[0]);
        Assert.Equal("total,,,10,3,0.3,2,0.2", lines[1]);
        Assert.Contains("province,33,Jawa Tengah,7,2,0.2857,1,0.1429", lines);
    }

    [Fact]
    public async Task CapabilityGaps_AggregateNearMissesOfOpenNeeds_WithFacilitiesInReach()
    {
        var facility = await (await Client.PostJsonAsync("/api/v1/facilities", TestData.Facility(name: "RPB Ceper", capabilityCodes: ["metal.casting.iron"], schemes: [CertificationScheme.Sni])))
            .ReadAsync<Application.Facilities.FacilityDto>(HttpStatusCode.Created);
        var expired = TestData.Certificate(CertificationScheme.Sni, new DateOnly(2025, 3, 1));
        await Scenario.SupplierAsync("CV Expired Klaten", certifications: [expired]);
        await Scenario.SupplierAsync("CV No SNI Bandung", provinceCode: "32");
        await Scenario.SupplierAsync("CV Valid", certifications: [TestData.Certificate(CertificationScheme.Sni, new DateOnly(2099, 1, 1), issuedOn: new DateOnly(2025, 1, 1))]);
        var pln = await Scenario.BuyerAsync();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await Scenario.RunAsync(await Scenario.NeedAsync(pln, [CertificationScheme.Sni]));
        }

        // A closed need's near misses no longer count.
        var closed = await Scenario.NeedAsync(pln, [CertificationScheme.Sni]);
        await Scenario.RunAsync(closed);
        await (await Client.PutJsonAsync($"/api/v1/needs/{closed}", TestData.Need(buyerId: pln, requiredCertifications: [CertificationScheme.Sni]) with { Status = Domain.Needs.NeedStatus.Closed })).ShouldBeAsync(HttpStatusCode.OK);

        var gaps = await (await Client.GetAsync("/api/v1/analytics/capability-gaps")).ReadAsync<List<CapabilityGap>>();

        var sni = Assert.Single(gaps);
        Assert.Equal((GapKind.Certification, "sni", 2, 2), (sni.Kind, sni.Subject, sni.Suppliers, sni.Needs));
        Assert.Equal(2, sni.WithoutFacility);
        Assert.Equal([("32", 1), ("33", 1)], sni.Provinces.Select(p => (p.ProvinceCode, p.Suppliers)).Order());
        var reach = Assert.Single(sni.Facilities);
        Assert.Equal((facility.Id, 2), (reach.FacilityId, reach.NearMisses));

        var bandungOnly = await (await Client.GetAsync("/api/v1/analytics/capability-gaps?provinceCode=32")).ReadAsync<List<CapabilityGap>>();
        Assert.Empty(Assert.Single(bandungOnly).Facilities);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/capability-gaps?provinceCode=32");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await (await Client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Equal("kind,subject,suppliers,needs,withoutFacility,provinces,facilities\r\ncertification,sni,1,2,2,32:1,none within reach\r\n", csv);
    }

    [Fact]
    public async Task Funnel_FollowsNeedsThroughTheLifecycle_WithExposureFairness()
    {
        var a = await Scenario.SupplierAsync("CV A");
        var b = await Scenario.SupplierAsync("CV B");
        var pln = await Scenario.BuyerAsync();
        var needs = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            needs.Add(await Scenario.NeedAsync(pln));
        }

        var first = await Scenario.RunAsync(needs[0]);
        var second = await Scenario.RunAsync(needs[1]);
        await Scenario.RunAsync(needs[2]);
        await Scenario.MoveAsync(second[a], "shortlist");
        var (partnership, supplier) = await Scenario.PartnershipAsync(first[a], a);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostJsonAsync($"/api/v1/partnerships/{partnership}/complete", new { qualityRating = 5, onTimeRating = 5 })).StatusCode);
        var today = ApiFixture.Clock.Today;
        await PartnershipStartedDaysAgoAsync(partnership, 10);
        Assert.Equal(HttpStatusCode.OK, (await supplier.PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", new { invoicedOn = today.AddDays(-3), paidOn = today })).StatusCode);

        var report = await (await Client.GetAsync($"/api/v1/analytics/funnel?buyerId={pln}")).ReadAsync<FunnelReport>();

        Assert.Equal([4, 3, 2, 1, 1, 1, 1], report.Stages.Select(s => s.Needs));
        Assert.Equal([null, 0.75, 0.6667, 0.5, 1.0, 1.0, 1.0], report.Stages.Select(s => s.ConversionFromPrevious));
        Assert.Equal(0.25, report.OverallConversion);
        Assert.Equal((2, 2, 1.0), (report.Exposure.DistinctTop10Suppliers, report.Exposure.FirstTimeSuppliers, report.Exposure.ShareFirstTime));

        var tomorrow = today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var empty = await (await Client.GetAsync($"/api/v1/analytics/funnel?from={tomorrow}&to={tomorrow}")).ReadAsync<FunnelReport>();
        Assert.Equal(0, empty.Stages[0].Needs);
        Assert.Null(empty.Stages[1].ConversionFromPrevious);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analytics/funnel?buyerId={pln}");
        request.Headers.Accept.ParseAdd("text/csv");
        var lines = (await (await Client.SendAsync(request)).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["metric,value,rate", "posted,4,", "matched,3,0.75", "shortlisted,2,0.6667"], lines[..4]);
        Assert.Contains("firstTimeSuppliers,2,1", lines);
        Assert.Contains(lines, l => l.StartsWith("metal.top10Suppliers,2,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/analytics/linkage?provinceCode=99", "provinceCode")]
    [InlineData("/api/v1/analytics/linkage?scale=giant", "scale")]
    [InlineData("/api/v1/analytics/capability-gaps?provinceCode=x", "provinceCode")]
    [InlineData("/api/v1/analytics/funnel?from=2026-05-01&to=2026-04-01", "from")]
    [InlineData("/api/v1/analytics/funnel?from=2026-13-01", "from")]
    [InlineData("/api/v1/analytics/funnel?buyerId=pln", "buyerId")]
    public async Task InvalidFilters_Return400NamingTheParameter(string url, string field) =>
        await (await Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("buyer", HttpStatusCode.Forbidden)]
    [InlineData("supplier", HttpStatusCode.Forbidden)]
    [InlineData("analyst", HttpStatusCode.OK)]
    public async Task Analytics_AreForAnalystsAndAdmin(string role, HttpStatusCode expected)
    {
        Guid? organization = role switch
        {
            "buyer" => await Scenario.BuyerAsync(),
            "supplier" => await Scenario.SupplierAsync("CV A"),
            _ => null,
        };
        var (client, _, _) = await ClientForRoleAsync(role, organization);

        foreach (var url in new[] { "/api/v1/analytics/linkage", "/api/v1/analytics/capability-gaps", "/api/v1/analytics/funnel" })
        {
            Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
        }
    }
}
