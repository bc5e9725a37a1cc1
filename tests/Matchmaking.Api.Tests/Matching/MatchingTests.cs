using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Matching;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Common;

namespace Matchmaking.Api.Tests.Matching;

public sealed class MatchingTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly LocationInput Semarang = new() { Latitude = -6.99, Longitude = 110.42 };
    private static readonly LocationInput Klaten = new() { Latitude = -7.70, Longitude = 110.61 };
    private static readonly LocationInput Tegal = new() { Latitude = -6.87, Longitude = 109.14 };

    private Guid _buyer;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _buyer = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
    }

    [Fact]
    public async Task ExpiredRequiredCertificate_NeverMatches()
    {
        var neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6);
        var valid = await SupplierAsync("CV Valid", certifications: [TestData.Certificate(CertificationScheme.Sni, neededBy.AddYears(1))]);
        await SupplierAsync("CV Lapses Before Delivery", certifications: [TestData.Certificate(CertificationScheme.Sni, neededBy.AddDays(-1))]);
        await SupplierAsync("CV Expired", certifications: [TestData.Certificate(CertificationScheme.Sni, new DateOnly(2024, 1, 1))]);

        var matches = await RunAndListAsync(TestData.Need(neededBy: neededBy, requiredCertifications: [CertificationScheme.Sni]));

        Assert.Equal([valid], matches.Items.Select(m => m.Supplier!.Id));
        Assert.Contains(matches.Items[0].Reasons, r => r.StartsWith("Has SNI valid until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NearerSupplier_OutranksAnOtherwiseIdenticalFartherOne()
    {
        var far = await SupplierAsync("CV Tegal", location: Tegal, provinceCode: "33", regencyCode: "3328");
        var near = await SupplierAsync("CV Semarang", location: Semarang, regencyCode: "3374");

        var matches = await RunAndListAsync(TestData.Need());

        Assert.Equal([near, far], matches.Items.Select(m => m.Supplier!.Id));
        Assert.True(matches.Items[0].Components.Proximity > matches.Items[1].Components.Proximity);
        Assert.True(matches.Items[0].DistanceKm < 1);
        Assert.InRange(matches.Items[1].DistanceKm, 140, 150);
    }

    [Fact]
    public async Task ParentCodeNeed_IsMetByChildCodeSupplier_NotBySibling()
    {
        var iron = await SupplierAsync("CV Iron", capabilities: ["metal.casting.iron"]);
        await SupplierAsync("CV CNC", capabilities: ["metal.machining.cnc"]);

        var matches = await RunAndListAsync(TestData.Need(capabilityCodes: ["metal.casting"]));

        Assert.Equal([iron], matches.Items.Select(m => m.Supplier!.Id));
        Assert.Equal(0.85, matches.Items[0].Components.Capability);
    }

    [Fact]
    public async Task EveryNeededCapability_IsRequired()
    {
        var both = await SupplierAsync("CV Both", capabilities: ["metal.fabrication.welding", "metal.surface.galvanizing"]);
        await SupplierAsync("CV Welding Only", capabilities: ["metal.fabrication.welding"]);

        var matches = await RunAndListAsync(TestData.Need(capabilityCodes: ["metal.fabrication", "metal.surface.galvanizing"]));

        Assert.Equal([both], matches.Items.Select(m => m.Supplier!.Id));
    }

    [Fact]
    public async Task UmkOnly_ExcludesMediumAndLarge()
    {
        var micro = await SupplierAsync("CV Micro", revenue: 1_000_000_000);
        var small = await SupplierAsync("CV Small", revenue: 10_000_000_000);
        var medium = await SupplierAsync("PT Medium", revenue: 40_000_000_000);
        var large = await SupplierAsync("PT Large", revenue: 90_000_000_000);

        var setAside = await RunAndListAsync(TestData.Need(umkOnly: true));
        var open = await RunAndListAsync(TestData.Need(umkOnly: false));

        Assert.Equal(new[] { micro, small }.Order(), setAside.Items.Select(m => m.Supplier!.Id).Order());
        Assert.Equal(new[] { micro, small, medium, large }.Order(), open.Items.Select(m => m.Supplier!.Id).Order());
    }

    [Fact]
    public async Task MinTkdnAndMaxDistance_AreHardConstraints()
    {
        var local = await SupplierAsync("CV Local High TKDN", location: Semarang, tkdn: 60, regencyCode: "3374");
        await SupplierAsync("CV Local Low TKDN", location: Semarang, tkdn: 20, regencyCode: "3374");
        await SupplierAsync("CV Far High TKDN", location: Tegal, tkdn: 70, regencyCode: "3328");

        var matches = await RunAndListAsync(TestData.Need(minTkdnPercent: 40, maxDistanceKm: 100));

        Assert.Equal([local], matches.Items.Select(m => m.Supplier!.Id));
    }

    [Fact]
    public async Task StrictRanking_IsIdenticalAcrossRuns_TiesBrokenByAHashOfNeedAndSupplier()
    {
        for (var i = 0; i < 6; i++)
        {
            await SupplierAsync($"CV Twin {i}", location: Klaten);
        }

        var need = await NeedAsync(TestData.Need() with { Ranking = Domain.Matching.RankingMode.Strict });
        var first = await RunAsync(need);
        var second = await RunAsync(need);

        var firstRanking = (await ListAsync(need, $"runId={first.Id}")).Items.Select(m => m.Supplier!.Id).ToList();
        var secondRanking = (await ListAsync(need, $"runId={second.Id}")).Items.Select(m => m.Supplier!.Id).ToList();
        Assert.Equal(firstRanking, secondRanking);
        Assert.Equal(firstRanking.OrderBy(supplier => Domain.Matching.ExposureRanking.TieBreak(need, supplier)).ToList(), firstRanking);
        Assert.Equal(second.Id, (await ListAsync(need, string.Empty)).Items[0].RunId);
        Assert.Equal(6, first.CandidatesConsidered);
    }

    [Fact]
    public async Task Matches_CarryComponentsScoreAndRanks()
    {
        await SupplierAsync("CV A", monthlyCapacity: 100, tkdn: 50);

        var match = Assert.Single((await RunAndListAsync(TestData.Need(quantity: 1000))).Items);

        Assert.Equal(1, match.Rank);
        Assert.Equal(Domain.Matching.MatchKind.Single, match.Kind);
        Assert.Equal(0.5, match.Components.TrackRecord);
        Assert.Equal(0.5, match.Components.LocalContent);
        Assert.InRange(match.Components.Capacity, 0.55, 0.62);
        var expected = Math.Round(100 * ((0.3 * match.Components.Capability) + (0.25 * match.Components.Capacity) + (0.2 * match.Components.Proximity)
            + (0.15 * 0.5) + (0.1 * 0.5)), 1);
        Assert.Equal(expected, match.Score);
        Assert.Equal(Domain.Matching.MatchStatus.Suggested, match.Status);
    }

    [Fact]
    public async Task Matches_FilterByMinScoreAndAnswerCsv()
    {
        await SupplierAsync("CV Near", location: Semarang, regencyCode: "3374");
        await SupplierAsync("CV Far", location: Tegal, regencyCode: "3328");
        var need = await NeedAsync(TestData.Need());
        await RunAsync(need);
        var all = await ListAsync(need, string.Empty);

        var filtered = await ListAsync(need, $"minScore={all.Items[0].Score}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/needs/{need}/matches");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await (await Client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Single(filtered.Items);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,kind,supplierId,supplierName,members,score,capability,capacity,proximity,trackRecord,localContent,distanceKm,status", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,single,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",CV Near,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchRun_OnClosedNeed_Returns409()
    {
        var need = await NeedAsync(TestData.Need());
        var closed = await Client.PutJsonAsync($"/api/v1/needs/{need}", TestData.Need(buyerId: _buyer) with { Status = Domain.Needs.NeedStatus.Closed });
        Assert.Equal(Domain.Needs.NeedStatus.Closed, (await closed.ReadAsync<NeedDto>()).Status);

        await (await Client.PostAsync($"/api/v1/needs/{need}/match-runs", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var reopen = await Client.PutJsonAsync($"/api/v1/needs/{need}", TestData.Need(buyerId: _buyer) with { Status = Domain.Needs.NeedStatus.Open });
        await reopen.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("neededBy", "\"2020-01-01\"", "neededBy")]
    [InlineData("capabilityCodes", "[]", "capabilityCodes")]
    [InlineData("capabilityCodes", "[\"metal.unknown\"]", "capabilityCodes[0]")]
    [InlineData("quantity", "0", "quantity")]
    [InlineData("deliveryProvinceCode", "\"00\"", "deliveryProvinceCode")]
    [InlineData("maxDistanceKm", "-5", "maxDistanceKm")]
    [InlineData("minTkdnPercent", "120", "minTkdnPercent")]
    [InlineData("weights", "{\"capability\":-1}", "weights.capability")]
    [InlineData("weights", "{\"capability\":0}", "weights")]
    [InlineData("requiredCertifications", "[{\"scheme\":\"nope\"}]", "requiredCertifications[0].scheme")]
    public async Task CreateNeed_WithInvalidField_Returns400NamingField(string property, string value, string field)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(TestData.Need(buyerId: _buyer), HttpExtensions.Json)!.AsObject();
        body[property] = System.Text.Json.Nodes.JsonNode.Parse(value);

        var response = await Client.PostRawAsync("/api/v1/needs", body.ToJsonString());

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, (await (await Client.GetAsync("/api/v1/needs")).ReadAsync<PagedList<NeedDto>>()).TotalCount);
    }

    [Fact]
    public async Task CreateNeed_NormalisesWeightsAndDefaultsLocation()
    {
        var body = TestData.Need(buyerId: _buyer) with
        {
            DeliveryLocation = null,
            Weights = new WeightsInput { Capability = 2, Capacity = 2, Proximity = 0, TrackRecord = 0, LocalContent = 0 },
        };

        var need = await (await Client.PostJsonAsync("/api/v1/needs", body)).ReadAsync<NeedDto>(HttpStatusCode.Created);

        Assert.Equal(0.5, need.Weights.Capability);
        Assert.Equal(0.5, need.Weights.Capacity);
        Assert.InRange(need.DeliveryLocation.Latitude, -7.0, -6.9);
    }

    [Fact]
    public async Task Buyer_SeesOnlyItsOwnNeeds_OthersAre404()
    {
        var otherBuyer = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer(name: "PT KAI"))).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
        var plnNeed = await NeedAsync(TestData.Need());
        var (kai, _, _) = await ClientForRoleAsync("buyer", otherBuyer);
        var (pln, _, _) = await ClientForRoleAsync("buyer", _buyer);
        var (analyst, _, _) = await ClientForRoleAsync("analyst");
        var supplierId = await SupplierAsync("CV S");
        var (supplier, _, _) = await ClientForRoleAsync("supplier", supplierId);

        await (await kai.GetAsync($"/api/v1/needs/{plnNeed}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kai.PostAsync($"/api/v1/needs/{plnNeed}/match-runs", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kai.GetAsync($"/api/v1/needs/{plnNeed}/matches")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kai.PutJsonAsync($"/api/v1/needs/{plnNeed}", TestData.Need())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await kai.GetAsync("/api/v1/needs")).ReadAsync<PagedList<NeedDto>>()).TotalCount);
        await (await kai.PostJsonAsync("/api/v1/needs", TestData.Need(buyerId: _buyer))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await pln.GetAsync($"/api/v1/needs/{plnNeed}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await pln.PostAsync($"/api/v1/needs/{plnNeed}/match-runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await pln.PostJsonAsync("/api/v1/needs", TestData.Need())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/needs/{plnNeed}/matches")).StatusCode);
        await (await analyst.PostAsync($"/api/v1/needs/{plnNeed}/match-runs", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await supplier.GetAsync("/api/v1/needs")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("minScore=101", "minScore")]
    [InlineData("kind=triple", "kind")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task ListMatches_WithInvalidQuery_Returns400(string query, string field)
    {
        var need = await NeedAsync(TestData.Need());

        await (await Client.GetAsync($"/api/v1/needs/{need}/matches?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task UnknownRun_Returns404()
    {
        var need = await NeedAsync(TestData.Need());

        await (await Client.GetAsync($"/api/v1/needs/{need}/match-runs/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync($"/api/v1/needs/{need}/matches?runId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<Guid> SupplierAsync(
        string name, string[]? capabilities = null, LocationInput? location = null, string provinceCode = "33", string regencyCode = "3310",
        CertificationInput[]? certifications = null, long revenue = 3_500_000_000, decimal? tkdn = 45, decimal monthlyCapacity = 4000)
    {
        var body = TestData.Supplier(name: name, capabilities: capabilities ?? ["metal.casting.iron"], location: location ?? Klaten,
            provinceCode: provinceCode, regencyCode: regencyCode, certifications: certifications ?? [], annualRevenueIdr: revenue,
            tkdnPercent: tkdn, monthlyCapacity: monthlyCapacity);
        return (await (await Client.PostJsonAsync("/api/v1/suppliers", body)).ReadAsync<SupplierDto>(HttpStatusCode.Created)).Id;
    }

    private async Task<Guid> NeedAsync(NeedInput need) =>
        (await (await Client.PostJsonAsync("/api/v1/needs", need with { BuyerId = _buyer })).ReadAsync<NeedDto>(HttpStatusCode.Created)).Id;

    private async Task<MatchRunDto> RunAsync(Guid need) =>
        await (await Client.PostAsync($"/api/v1/needs/{need}/match-runs", null)).ReadAsync<MatchRunDto>(HttpStatusCode.Created);

    private async Task<PagedList<MatchDto>> ListAsync(Guid need, string query) =>
        await (await Client.GetAsync($"/api/v1/needs/{need}/matches?{query}")).ReadAsync<PagedList<MatchDto>>();

    private async Task<PagedList<MatchDto>> RunAndListAsync(NeedInput need)
    {
        var id = await NeedAsync(need);
        await RunAsync(id);
        return await ListAsync(id, string.Empty);
    }
}
