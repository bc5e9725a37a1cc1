using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Client;

namespace Matchmaking.Api.Tests.Client;

/// <summary>
/// A partner portal's view: the C# client NSwag generates from the served document (built from
/// Client/openapi.json by the test project) runs the whole procurement story, CSV and import included,
/// with no raw HTTP and no null-forgiving operator on a field the document marks required.
/// </summary>
public sealed class GeneratedClientTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_client_is_generated_from_the_document_the_API_serves()
    {
        var served = await Client.GetStringAsync("/swagger/v1/swagger.json");
        var snapshotPath = Path.Combine(SourceDirectory(), "openapi.json");
        var snapshot = await File.ReadAllTextAsync(snapshotPath);
        if (!JsonNode.DeepEquals(JsonNode.Parse(served), JsonNode.Parse(snapshot)))
        {
            var received = Path.Combine(SourceDirectory(), "openapi.received.json");
            await File.WriteAllTextAsync(received, served);
            Assert.Fail($"The served OpenAPI document changed. Review {received}, then move it over {snapshotPath} so the client is generated from it.");
        }
    }

    [Fact]
    public async Task A_portal_runs_the_procurement_lifecycle_through_the_generated_client()
    {
        var today = ApiFixture.Clock.Today;
        var buyers = new BuyersClient(Client);
        var suppliers = new SuppliersClient(Client);
        var needs = new NeedsClient(Client);
        var matches = new MatchesClient(Client);
        var partnerships = new PartnershipsClient(Client);

        var buyer = await buyers.CreateAsync(Guid.NewGuid().ToString(), new BuyerInput
        {
            Name = "PT PLN (Persero)",
            Type = BuyerType.Bumn,
            Sector = "electricity",
            ProvinceCode = "31",
        });
        var supplier = await suppliers.CreateAsync(Guid.NewGuid().ToString(), new SupplierInput
        {
            Name = "CV Logam Ceper",
            Nib = "9140000000001",
            LegalForm = LegalForm.Cv,
            AnnualRevenueIdr = 3_500_000_000,
            ProvinceCode = "33",
            Location = new LocationInput { Latitude = -7.70, Longitude = 110.61 },
            KbliCodes = ["24310"],
            Capabilities = [new SupplierCapabilityInput { Code = "metal.casting.iron", MonthlyCapacity = 4000, Unit = "pcs" }],
            TkdnPercent = 45,
            Contact = new ContactInput { Name = "Pak Slamet", Email = "slamet@example.co.id" },
        });
        Assert.Equal(UmkmScale.Small, supplier.Scale);
        Assert.Equal("CV Logam Ceper", (await suppliers.GetAsync(supplier.Id, ifNoneMatch: null)).Name);

        var need = await needs.CreateAsync(Guid.NewGuid().ToString(), new NeedInput
        {
            BuyerId = buyer.Id,
            Title = "Cast iron brackets",
            CapabilityCodes = ["metal.casting"],
            Quantity = 1000,
            Unit = "pcs",
            NeededBy = today.AddDays(120),
            DeliveryProvinceCode = "33",
            DeliveryLocation = new LocationInput { Latitude = -7.7, Longitude = 110.6 },
            EstimatedValueIdr = 2_400_000_000,
        });
        var run = await needs.RunMatchAsync(need.Id, Guid.NewGuid().ToString());
        Assert.Equal(need.Id, run.NeedId);
        var page = await needs.ListMatchesAsync(need.Id, runId: null, minScore: null, kind: MatchKind.Single, page: 1, pageSize: 50, ifNoneMatch: null);
        var match = Assert.Single(page.Items);
        Assert.NotNull(match.Supplier); // a single match names its supplier; a consortium does not (nullable in the document)
        Assert.Equal(supplier.Id, match.Supplier.Id);
        Assert.NotEmpty(match.Reasons);

        await matches.ShortlistAsync(match.Id, idempotencyKey: null, body: null);
        await matches.InviteAsync(match.Id, idempotencyKey: null, body: new TransitionInput { Note = "Please confirm capacity" });

        var supplierKey = await new ApiKeysClient(Client).CreateAsync(null, new ApiKeyInput
        {
            Role = ApiKeyRole.Supplier,
            OrganizationId = supplier.Id,
            Name = "supplier portal",
        });
        var asSupplier = ClientWithKey(supplierKey.Key);
        var accepted = await new MatchesClient(asSupplier).AcceptAsync(match.Id, idempotencyKey: null, body: null);
        Assert.Equal(MatchStatus.Accepted, accepted.Match.Status);
        Assert.NotNull(accepted.PartnershipId);
        var partnershipId = accepted.PartnershipId.Value;

        var completed = await partnerships.CompleteAsync(partnershipId, null, new CompletionInput { QualityRating = 5, OnTimeRating = 4 });
        Assert.Equal(PartnershipStatus.Completed, completed.Status);
        await PartnershipStartedDaysAgoAsync(partnershipId, 60);
        var paid = await new PartnershipsClient(asSupplier).RecordPaymentAsync(partnershipId, null,
            new PaymentInput { InvoicedOn = today.AddDays(-40), PaidOn = today.AddDays(-5) });
        Assert.Equal(35, paid.DaysToPay);

        var reputation = (await buyers.GetAsync(buyer.Id, ifNoneMatch: null)).Reputation;
        Assert.NotNull(reputation);
        Assert.Equal(1, reputation.Completed);
        Assert.Equal(35, reputation.MedianDaysToPay);

        // A problem answer arrives as a typed exception carrying the field.
        var invalid = await Assert.ThrowsAsync<ApiException<ValidationProblem>>(() => buyers.CreateAsync(null, new BuyerInput
        {
            Name = string.Empty,
            Type = BuyerType.Bumn,
            ProvinceCode = "31",
        }));
        Assert.Equal(400, invalid.StatusCode);
        Assert.Contains("name", invalid.Result.Errors.Keys);
    }

    [Fact]
    public async Task A_procurement_system_subscribes_and_reads_the_event_feed_through_the_generated_client()
    {
        var webhooks = new WebhooksClient(Client);
        var created = await webhooks.CreateAsync(null, new WebhookInput { Url = "http://127.0.0.1:9/hooks", Events = ["need.created"], Description = "ERP" });
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(["need.created"], (await webhooks.GetAsync(created.Id)).Events);
        var buyer = await new BuyersClient(Client).CreateAsync(null, new BuyerInput { Name = "PT Feed", Type = BuyerType.Bumn, ProvinceCode = "31" });
        var need = await new NeedsClient(Client).CreateAsync(null, new NeedInput
        {
            BuyerId = buyer.Id,
            Title = "Cast iron brackets",
            CapabilityCodes = ["metal.casting"],
            Quantity = 1000,
            Unit = "pcs",
            NeededBy = ApiFixture.Clock.Today.AddDays(120),
            DeliveryProvinceCode = "33",
            DeliveryLocation = new LocationInput { Latitude = -7.7, Longitude = 110.6 },
        });

        var page = await new EventsClient(Client).ListAsync(after: null, types: "need.created", limit: 10);
        var needCreated = Assert.Single(page.Items);
        Assert.Equal(need.Id, needCreated.Data.NeedId);
        Assert.Empty((await new EventsClient(Client).ListAsync(after: page.Next, types: null, limit: 10)).Items);
        await webhooks.DeleteAsync(created.Id);
    }

    [Fact]
    public async Task CSV_downloads_and_bulk_import_go_through_generated_methods()
    {
        var suppliers = new SuppliersClient(Client);
        const string csv = "name,nib,legalForm,businessCapitalIdr,annualRevenueIdr,provinceCode,latitude,longitude,kbliCodes,capabilities,tkdnPercent,employees\n" +
            "CV Impor Satu,9141000000001,cv,800000000,3500000000,33,-7.7,110.61,24310,metal.casting.iron:100:pcs,40,10\n" +
            "=CV Rumus,9141000000002,cv,800000000,3500000000,33,-7.7,110.61,24310,metal.casting.iron:100:pcs,40,10\n";
        await using var body = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var imported = await suppliers.ImportAsync(initialLoad: null, Guid.NewGuid().ToString(), new FileParameter(body, "suppliers.csv", "text/csv"));
        Assert.Equal((2, 2, 0), (imported.RowsRead, imported.Accepted, imported.Rejected));

        using var export = await suppliers.ListCsvAsync(provinceCode: "33", scale: null, capability: null, certification: null, q: null, active: null, page: 1, pageSize: 50, after: null, ifNoneMatch: null);
        Assert.Equal(200, export.StatusCode);
        using var reader = new StreamReader(export.Stream);
        var text = await reader.ReadToEndAsync();
        Assert.StartsWith("id,name", text, StringComparison.Ordinal);
        Assert.Contains("CV Impor Satu", text, StringComparison.Ordinal);
        Assert.Contains("'=CV Rumus", text, StringComparison.Ordinal);

        using var linkage = await new AnalyticsClient(Client).LinkageCsvAsync(provinceCode: null, scale: UmkmScale.Small);
        Assert.Equal(200, linkage.StatusCode);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
