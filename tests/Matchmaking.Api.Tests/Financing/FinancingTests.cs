using System.Net;
using System.Text.Json.Nodes;
using Matchmaking.Api.Tests.Infrastructure;
using Npgsql;

namespace Matchmaking.Api.Tests.Financing;

/// <summary>Financing against a partnership, through HTTP, on real PostgreSQL.</summary>
public sealed class FinancingTests(ApiFixture fixture) : ApiTest(fixture)
{
    private Guid _partnership;
    private HttpClient _supplier = null!;
    private HttpClient _buyer = null!;
    private Guid _bankA;
    private Guid _bankB;
    private HttpClient _financierA = null!;
    private HttpClient _financierB = null!;
    private readonly DateOnly _today = ApiFixture.Clock.Today;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var buyer = await Scenario.BuyerAsync();
        var supplier = await Scenario.SupplierAsync("CV Logam Jaya");
        var need = await Scenario.NeedAsync(buyer);
        var match = (await Scenario.RunAsync(need))[supplier];
        (var partnership, _supplier) = await Scenario.PartnershipAsync(match, supplier);
        _partnership = partnership;
        _buyer = (await ClientForRoleAsync("buyer", buyer)).Client;
        _bankA = await Scenario.FinancierAsync("Bank Jateng");
        _bankB = await Scenario.FinancierAsync("Dana Kemitraan PLN");
        _financierA = (await ClientForRoleAsync("financier", _bankA)).Client;
        _financierB = (await ClientForRoleAsync("financier", _bankB)).Client;
    }

    [Fact]
    public async Task WholeFlow_RequestConfirmTwoOffersAcceptDisburseBuyerPaysRepaid()
    {
        var request = await RequestAsync(1_000_000_000, [_bankA, _bankB]);
        var id = request["id"]!.GetValue<string>();
        Assert.Equal("requested", request["status"]!.GetValue<string>());
        Assert.False((await (await _financierA.GetAsync($"/api/v1/financing-requests/{id}")).ReadJsonAsync())["buyerConfirmed"]!.GetValue<bool>());

        var confirmed = await (await _buyer.PostJsonAsync($"/api/v1/financing-requests/{id}/confirm",
            new { confirmedValueIdr = 2_400_000_000, expectedPaymentDate = _today.AddDays(60) })).ReadJsonAsync();
        Assert.Equal("confirmed", confirmed["status"]!.GetValue<string>());

        var offerA = await OfferAsync(_financierA, id, 1_000_000_000, 12.0, 5_000_000, 90);
        var offerB = await OfferAsync(_financierB, id, 900_000_000, 9.5, 2_000_000, 90);

        // Each financier sees only its own offer; the supplier sees both side by side with their total cost.
        Assert.Single((await (await _financierA.GetAsync($"/api/v1/financing-requests/{id}")).ReadJsonAsync())["offers"]!.AsArray());
        var bySupplier = await (await _supplier.GetAsync($"/api/v1/financing-requests/{id}")).ReadJsonAsync();
        var offers = bySupplier["offers"]!.AsArray();
        Assert.Equal(2, offers.Count);
        // 1e9 × 12% × 90/365 = 29,589,041.10 → 29,589,041 + 5,000,000 fees
        Assert.Equal(34_589_041, offers.Single(o => o!["id"]!.GetValue<string>() == offerA)!["totalCostIdr"]!.GetValue<long>());
        // 9e8 × 9.5% × 90/365 = 21,082,191.78 → 21,082,192 + 2,000,000 fees
        Assert.Equal(23_082_192, offers.Single(o => o!["id"]!.GetValue<string>() == offerB)!["totalCostIdr"]!.GetValue<long>());

        // Contact details only for the lender, only after acceptance.
        Assert.Null((await (await _financierB.GetAsync($"/api/v1/financing-requests/{id}")).ReadJsonAsync())["supplierContact"]);
        var accepted = await (await _supplier.PostAsync($"/api/v1/financing-requests/{id}/offers/{offerB}/accept", null)).ReadJsonAsync();
        Assert.Equal("accepted", accepted["status"]!.GetValue<string>());
        Assert.Equal("lapsed", accepted["offers"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == offerA)!["status"]!.GetValue<string>());
        var lenderView = await (await _financierB.GetAsync($"/api/v1/financing-requests/{id}")).ReadJsonAsync();
        Assert.NotNull(lenderView["supplierContact"]);
        Assert.Equal("small", lenderView["risk"]!["supplierScale"]!.GetValue<string>());
        Assert.Equal(2_400_000_000, lenderView["risk"]!["partnershipValueIdr"]!.GetValue<long>());
        Assert.Null((await (await _financierA.GetAsync($"/api/v1/financing-requests/{id}")).ReadJsonAsync())["supplierContact"]);

        await (await _financierA.PostJsonAsync($"/api/v1/financing-requests/{id}/disburse", new { disbursedOn = _today })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var disbursed = await (await _financierB.PostJsonAsync($"/api/v1/financing-requests/{id}/disburse", new { disbursedOn = _today })).ReadJsonAsync();
        Assert.Equal("disbursed", disbursed["status"]!.GetValue<string>());

        await (await _supplier.PostJsonAsync($"/api/v1/partnerships/{_partnership}/payment", new { invoicedOn = _today, paidOn = _today })).ReadJsonAsync();
        var repaid = await (await _supplier.GetAsync($"/api/v1/financing-requests/{id}")).ReadJsonAsync();
        Assert.Equal("repaid", repaid["status"]!.GetValue<string>());
        Assert.Equal(0, repaid["daysLate"]!.GetValue<int>());

        // Every step is an event, in order, for the supplier.
        var types = (await (await _supplier.GetAsync("/api/v1/events?limit=1000")).ReadJsonAsync())["items"]!.AsArray()
            .Select(e => e!["type"]!.GetValue<string>()).Where(t => t.StartsWith("financing.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["financing.requested", "financing.confirmed", "financing.offer_made", "financing.offer_made", "financing.offer_accepted", "financing.disbursed", "financing.repaid"], types);
        // A financier hears of its own offer only, and not of the disbursement it did not make.
        var typesA = (await (await _financierA.GetAsync("/api/v1/events?limit=1000")).ReadJsonAsync())["items"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["financing.requested", "financing.confirmed", "financing.offer_made", "financing.offer_accepted"], typesA);

        // Financiers' looks at the supplier's profile are on record.
        var audit = await (await Client.GetAsync($"/api/v1/audit?entity=financingRequest&entityId={id}&pageSize=200")).ReadJsonAsync();
        Assert.True(audit["items"]!.AsArray().Count(a => a!["action"]!.GetValue<string>() == "viewed") >= 5);
    }

    [Fact]
    public async Task AFinancierNotNamed_SeesNothing_AndTheCapHolds()
    {
        var id = (await RequestAsync(500_000_000, [_bankA]))["id"]!.GetValue<string>();
        await (await _financierB.GetAsync($"/api/v1/financing-requests/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _financierB.PostJsonAsync($"/api/v1/financing-requests/{id}/offers", new { amountIdr = 1, annualRatePercent = 10.0, tenorDays = 30 }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await _financierB.GetAsync("/api/v1/financing-requests")).ReadJsonAsync())["totalCount"]!.GetValue<int>());
        Assert.Equal(1, (await (await _financierA.GetAsync("/api/v1/financing-requests")).ReadJsonAsync())["totalCount"]!.GetValue<int>());

        // 80% of 2.4 bn = 1.92 bn.
        await (await _supplier.PostJsonAsync("/api/v1/financing-requests", Body(1_920_000_001, []))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "amountIdr");
        Assert.Equal(HttpStatusCode.Created, (await _supplier.PostJsonAsync("/api/v1/financing-requests", Body(1_920_000_000, []))).StatusCode);
        await (await _supplier.PostJsonAsync("/api/v1/financing-requests", Body(1_000, [Guid.NewGuid()]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "financierIds");
        await (await _supplier.PostJsonAsync("/api/v1/financing-requests", Body(1_000, []) with { Purpose = "loan" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "purpose");
        await (await _buyer.PostJsonAsync("/api/v1/financing-requests", Body(1_000, []))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var analyst = (await ClientForRoleAsync("analyst")).Client;
        await (await analyst.GetAsync("/api/v1/financing-requests")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task IllegalSteps_Are409NamingTheState()
    {
        var id = (await RequestAsync(100_000_000, []))["id"]!.GetValue<string>();
        await (await _financierA.PostJsonAsync($"/api/v1/financing-requests/{id}/disburse", new { disbursedOn = _today })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var offer = await OfferAsync(_financierA, id, 100_000_000, 10, 0, 30);
        await (await _financierA.PostJsonAsync($"/api/v1/financing-requests/{id}/offers", new { amountIdr = 1, annualRatePercent = 10.0, tenorDays = 30 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await _financierB.PostJsonAsync($"/api/v1/financing-requests/{id}/offers", new { amountIdr = 100_000_001, annualRatePercent = 10.0, tenorDays = 30 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "amountIdr");
        await (await _buyer.PostJsonAsync($"/api/v1/financing-requests/{id}/dispute", new { reason = "Order not yet signed" })).ReadJsonAsync();
        var problem = await (await _buyer.PostJsonAsync($"/api/v1/financing-requests/{id}/confirm",
            new { confirmedValueIdr = 1, expectedPaymentDate = _today })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("disputed", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await _supplier.PostAsync($"/api/v1/financing-requests/{id}/offers/{offer}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TwoAcceptancesAtOnce_YieldOneAcceptedOffer()
    {
        var id = (await RequestAsync(100_000_000, []))["id"]!.GetValue<string>();
        var offerA = await OfferAsync(_financierA, id, 100_000_000, 10, 0, 30);
        var offerB = await OfferAsync(_financierB, id, 100_000_000, 11, 0, 30);

        // Hold the row until both acceptances wait on it, then let them race.
        Task<HttpResponseMessage> first, second;
        await using (await HoldRowUntilWaitingAsync("SELECT 1 FROM financing_requests WHERE id = @id FOR UPDATE", Guid.Parse(id), waiters: 2))
        {
            first = _supplier.PostAsync($"/api/v1/financing-requests/{id}/offers/{offerA}/accept", null);
            second = _supplier.PostAsync($"/api/v1/financing-requests/{id}/offers/{offerB}/accept", null);
        }

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        var statuses = (await Task.WhenAll(first, second)).Select(r => r.StatusCode).Order().ToList();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM financing_offers WHERE request_id = @id AND status = 'Accepted'", connection);
        count.Parameters.AddWithValue("id", Guid.Parse(id));
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Analytics_WithNoFinancingYet_AreZeros()
    {
        var total = (await (await Client.GetAsync("/api/v1/analytics/financing")).ReadJsonAsync())["total"]!;
        Assert.Equal((0, 0, 0L), (total["requests"]!.GetValue<int>(), total["offers"]!.GetValue<int>(), total["disbursedAmountIdr"]!.GetValue<long>()));
        Assert.Null(total["averageAcceptedRatePercent"]);
    }

    [Fact]
    public async Task Analytics_CountEachStep_ByProvinceScaleAndPaymentBand_OnHandBuiltData()
    {
        // A second linked supplier that asks for nothing: half of the linked UMKM end up financed.
        var other = await Scenario.SupplierAsync("CV Cor Presisi");
        var otherMatch = (await Scenario.RunAsync(await Scenario.NeedAsync(await Scenario.BuyerAsync("PT INKA (Persero)"))))[other];
        await Scenario.PartnershipAsync(otherMatch, other);

        var financed = (await RequestAsync(1_000_000_000, []))["id"]!.GetValue<string>();
        await (await _buyer.PostJsonAsync($"/api/v1/financing-requests/{financed}/confirm",
            new { confirmedValueIdr = 2_400_000_000, expectedPaymentDate = _today.AddDays(30) })).ReadJsonAsync();
        await OfferAsync(_financierA, financed, 1_000_000_000, 12.0, 0, 90);
        var chosen = await OfferAsync(_financierB, financed, 900_000_000, 9.5, 0, 90);
        await (await _supplier.PostAsync($"/api/v1/financing-requests/{financed}/offers/{chosen}/accept", null)).ReadJsonAsync();
        await (await _financierB.PostJsonAsync($"/api/v1/financing-requests/{financed}/disburse", new { disbursedOn = _today })).ReadJsonAsync();
        var disputed = (await RequestAsync(200_000_000, [_bankA]))["id"]!.GetValue<string>();
        await (await _buyer.PostJsonAsync($"/api/v1/financing-requests/{disputed}/dispute", new { reason = "Scope changed" })).ReadJsonAsync();
        var open = (await RequestAsync(300_000_000, []))["id"]!.GetValue<string>();
        await OfferAsync(_financierA, open, 300_000_000, 10.0, 0, 60);
        await (await _supplier.PostJsonAsync($"/api/v1/partnerships/{_partnership}/payment", new { invoicedOn = _today, paidOn = _today })).ReadJsonAsync();

        var analyst = (await ClientForRoleAsync("analyst")).Client;
        var report = await (await analyst.GetAsync("/api/v1/analytics/financing")).ReadJsonAsync();
        var total = report["total"]!;
        Assert.Equal((3, 1, 1, 3, 1, 1), (total["requests"]!.GetValue<int>(), total["confirmed"]!.GetValue<int>(), total["disputed"]!.GetValue<int>(),
            total["offers"]!.GetValue<int>(), total["accepted"]!.GetValue<int>(), total["disbursed"]!.GetValue<int>()));
        Assert.Equal(900_000_000, total["disbursedAmountIdr"]!.GetValue<long>());
        Assert.Equal(9.5, total["averageAcceptedRatePercent"]!.GetValue<double>());
        var province = Assert.Single(report["byProvince"]!.AsArray());
        Assert.Equal(("33", 3), (province!["key"]!.GetValue<string>(), province["requests"]!.GetValue<int>()));
        Assert.Equal("Jawa Tengah", province["name"]!.GetValue<string>());
        Assert.Equal("small", Assert.Single(report["byScale"]!.AsArray())!["key"]!.GetValue<string>());
        // PLN paid its invoice the same day: median 0 days, the best band.
        var band = Assert.Single(report["byPaymentBand"]!.AsArray());
        Assert.Equal(("within_30", 3, 1), (band!["key"]!.GetValue<string>(), band["requests"]!.GetValue<int>(), band["disbursed"]!.GetValue<int>()));
        Assert.Equal((2, 1, 0.5), (report["linkedSuppliers"]!.GetValue<int>(), report["financedLinkedSuppliers"]!.GetValue<int>(),
            report["shareOfLinkedFinanced"]!.GetValue<double>()));

        var csv = await analyst.GetStringAsync("/api/v1/analytics/financing/csv");
        Assert.Contains("total,,,3,1,1,3,1,1,900000000,9.5", csv, StringComparison.Ordinal);
        await (await _financierA.GetAsync("/api/v1/analytics/financing")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private RequestBody Body(long amount, Guid[] financiers) => new(_partnership, amount, "purchase_order", 90, financiers);

    private async Task<JsonObject> RequestAsync(long amount, Guid[] financiers) =>
        await (await _supplier.PostJsonAsync("/api/v1/financing-requests", Body(amount, financiers))).ReadJsonAsync(HttpStatusCode.Created);

    private static async Task<string> OfferAsync(HttpClient financier, string id, long amount, double rate, long fees, int tenor)
    {
        var after = await (await financier.PostJsonAsync($"/api/v1/financing-requests/{id}/offers",
            new { amountIdr = amount, annualRatePercent = rate, feesIdr = fees, tenorDays = tenor })).ReadJsonAsync();
        return after["offers"]!.AsArray().Last()!["id"]!.GetValue<string>();
    }

    private sealed record RequestBody(Guid PartnershipId, long AmountIdr, string Purpose, int TenorDays, Guid[] FinancierIds);
}
