using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Matching;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Common;

using static Matchmaking.Api.Tests.Infrastructure.Places;

namespace Matchmaking.Api.Tests.Matching;

public sealed class MatchingTests(ApiFixture fixture) : ApiTest(fixture)
{

    private Guid _buyer;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _buyer = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
    }

    [Fact]
    public async Task ExpiredRequiredCertificate_NeverMatches()
    {
        var neededBy = ApiFixture.Clock.Today.AddMonths(6);
        var valid = await Scenario.SupplierAsync("CV Valid", certifications: [TestData.Certificate(CertificationScheme.Sni, neededBy.AddYears(1))]);
        await Scenario.SupplierAsync("CV Lapses Before Delivery", certifications: [TestData.Certificate(CertificationScheme.Sni, neededBy.AddDays(-1))]);
        await Scenario.SupplierAsync("CV Expired", certifications: [TestData.Certificate(CertificationScheme.Sni, new DateOnly(2024, 1, 1))]);

        var matches = await Scenario.RunAndListAsync(await Scenario.NeedAsync(_buyer, TestData.Need(neededBy: neededBy, requiredCertifications: [CertificationScheme.Sni])));

        Assert.Equal([valid], matches.Items.Select(m => m.Supplier!.Id));
        Assert.Contains(matches.Items[0].Reasons, r => r.StartsWith("Has SNI valid until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NearerSupplier_OutranksAnOtherwiseIdenticalFartherOne()
    {
        var far = await Scenario.SupplierAsync("CV Tegal", location: Tegal, provinceCode: "33", regencyCode: "3328");
        var near = await Scenario.SupplierAsync("CV Semarang", location: Semarang, regencyCode: "3374");

        var matches = await Scenario.RunAndListAsync(await Scenario.NeedAsync(_buyer, TestData.Need()));

        Assert.Equal([near, far], matches.Items.Select(m => m.Supplier!.Id));
        Assert.True(matches.Items[0].Components.Proximity > matches.Items[1].Components.Proximity);
        Assert.True(matches.Items[0].DistanceKm < 1);
        Assert.InRange(matches.Items[1].DistanceKm, 140, 150);
    }

    [Fact]
    public async Task ParentCodeNeed_IsMetByChildCodeSupplier_NotBySibling()
    {
        var iron = await Scenario.SupplierAsync("CV Iron", capabilities: ["metal.casting.iron"]);
        await Scenario.SupplierAsync("CV CNC", capabilities: ["metal.machining.cnc"]);

        var matches = await Scenario.RunAndListAsync(await Scenario.NeedAsync(_buyer, TestData.Need(capabilityCodes: ["metal.casting"])));

        Assert.Equal([iron], matches.Items.Select(m => m.Supplier!.Id));
        Assert.Equal(0.85, matches.Items[0].Components.Capability);
    }

    [Fact]
    public async Task EveryNeededCapability_IsRequired()
    {
        var both = await Scenario.SupplierAsync("CV Both", capabilities: ["metal.fabrication.welding", "metal.surface.galvanizing"]);
        await Scenario.SupplierAsync("CV Welding Only", capabilities: ["metal.fabrication.welding"]);

        var matches = await Scenario.RunAndListAsync(await Scenario.NeedAsync(_buyer, TestData.Need(capabilityCodes: ["metal.fabrication", "metal.surface.galvanizing"])));

        Assert.Equal([both], matches.Items.Select(m => m.Supplier!.Id));
    }

    [Fact]
    public async Task UmkOnly_ExcludesMediumAndLarge()
    {
        var micro = await Scenario.SupplierAsync("CV Micro", revenue: 1_000_000_000);
        var small = await Scenario.SupplierAsync("CV Small", revenue: 10_000_000_000);
        var medium = await Scenario.SupplierAsync("PT Medium", revenue: 40_000_000_000);
        var large = await Scenario.SupplierAsync("PT Large", revenue: 90_000_000_000);

        var setAside = await Scenario.RunAndListAsync(await Scenario.NeedAsync(_buyer, TestData.Need(umkOnly: true)));
        var open = await Scenario.RunAndListAsync(await Scenario.NeedAsync(_buyer, TestData.Need(umkOnly: false)));

        Assert.Equal(new[] { micro, small }.Order(), setAside.Items.Select(m => m.Supplier!.Id).Order());
        Assert.Equal(new[] { micro, small, medium, large }.Order(), open.Items.Select(m => m.Supplier!.Id).Order());
    }

    [Fact]
    public async Task MinTkdnAndMaxDistance_AreHardConstraints()
    {
        var local = await Scenario.SupplierAsync("CV Local High TKDN", location: Semarang, tkdn: 60, regencyCode: "3374");
        await Scenario.SupplierAsync("CV Local Low TKDN", location: Semarang, tkdn: 20, regencyCode: "3374");
        await Scenario.SupplierAsync("CV Far High TKDN", location: Tegal, tkdn: 70, regencyCode: "3328");

        var matches = await Scenario.RunAndListAsync(await Scenario.NeedAsync(_buyer, TestData.Need(minTkdnPercent: 40, maxDistanceKm: 100)));

        Assert.Equal([local], matches.Items.Select(m => m.Supplier!.Id));
    }

    [Fact]
    public async Task StrictRanking_IsIdenticalAcrossRuns_TiesBrokenByAHashOfNeedAndSupplier()
    {
        for (var i = 0; i < 6; i++)
        {
            await Scenario.SupplierAsync($"CV Twin {i}", location: Klaten);
        }

        var need = await Scenario.NeedAsync(_buyer, TestData.Need() with { Ranking = Domain.Matching.RankingMode.Strict });
        var first = await Scenario.RunMatchAsync(need);
        var second = await Scenario.RunMatchAsync(need);

        var firstRanking = (await Scenario.MatchesAsync(need, $"runId={first.Id}")).Items.Select(m => m.Supplier!.Id).ToList();
        var secondRanking = (await Scenario.MatchesAsync(need, $"runId={second.Id}")).Items.Select(m => m.Supplier!.Id).ToList();
        Assert.Equal(firstRanking, secondRanking);
        Assert.Equal(firstRanking.OrderBy(supplier => Domain.Matching.ExposureRanking.TieBreak(need, supplier)).ToList(), firstRanking);
        Assert.Equal(second.Id, (await Scenario.MatchesAsync(need, string.Empty)).Items[0].RunId);
        Assert.Equal(6, first.CandidatesConsidered);
    }

    [Fact]
    public async Task Matches_CarryComponentsScoreAndRanks()
    {
        await Scenario.SupplierAsync("CV A", monthlyCapacity: 100, tkdn: 50);

        var match = Assert.Single((await Scenario.RunAndListAsync(await Scenario.NeedAsync(_buyer, TestData.Need(quantity: 1000, neededBy: Today.AddDays(182))))).Items);

        // Worked by hand: iron casting under 'metal.casting' fits 0.85; 100 pcs/month × 182/30.4375 months of 1,000;
        // Klaten to Semarang is 81.68 km by great circle, so proximity is 2^(−0.8168); a newcomer's record and TKDN 50% are 0.5.
        Assert.Equal(1, match.Rank);
        Assert.Equal(Domain.Matching.MatchKind.Single, match.Kind);
        Assert.Equal(0.85, match.Components.Capability, 1e-9);
        Assert.Equal(0.597947, match.Components.Capacity, 1e-6);
        Assert.Equal(0.567693, match.Components.Proximity, 1e-6);
        Assert.Equal(81.7, match.DistanceKm);
        Assert.Equal(0.5, match.Components.TrackRecord);
        Assert.Equal(0.5, match.Components.LocalContent);
        Assert.Equal(64.3, match.Score); // 100 × (0.3·0.85 + 0.25·0.597947 + 0.2·0.567693 + 0.15·0.5 + 0.1·0.5) = 64.30
        Assert.Equal(Domain.Matching.MatchStatus.Suggested, match.Status);
    }

    [Fact]
    public async Task Matches_FilterByMinScoreAndAnswerCsv()
    {
        await Scenario.SupplierAsync("CV Near", location: Semarang, regencyCode: "3374");
        await Scenario.SupplierAsync("CV Far", location: Tegal, regencyCode: "3328");
        var need = await Scenario.NeedAsync(_buyer, TestData.Need());
        await Scenario.RunMatchAsync(need);
        var all = await Scenario.MatchesAsync(need, string.Empty);

        var filtered = await Scenario.MatchesAsync(need, $"minScore={all.Items[0].Score}");
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
        var need = await Scenario.NeedAsync(_buyer, TestData.Need());
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
        var plnNeed = await Scenario.NeedAsync(_buyer, TestData.Need());
        var (kai, _, _) = await ClientForRoleAsync("buyer", otherBuyer);
        var (pln, _, _) = await ClientForRoleAsync("buyer", _buyer);
        var (analyst, _, _) = await ClientForRoleAsync("analyst");
        var supplierId = await Scenario.SupplierAsync("CV S");
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
        var need = await Scenario.NeedAsync(_buyer, TestData.Need());

        await (await Client.GetAsync($"/api/v1/needs/{need}/matches?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task UnknownRun_Returns404()
    {
        var need = await Scenario.NeedAsync(_buyer, TestData.Need());

        await (await Client.GetAsync($"/api/v1/needs/{need}/match-runs/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync($"/api/v1/needs/{need}/matches?runId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
