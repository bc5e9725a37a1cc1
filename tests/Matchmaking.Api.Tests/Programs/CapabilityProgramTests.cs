using System.Net;
using System.Text.Json.Nodes;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Domain.Common;
using Npgsql;

namespace Matchmaking.Api.Tests.Programs;

/// <summary>Capability programs over HTTP on real PostgreSQL: recommendation, seats, outcome, effect.</summary>
public sealed class CapabilityProgramTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly CertificationScheme[] Sni = [CertificationScheme.Sni];
    private static readonly string[] UnknownCode = ["metal.nope"];
    private static readonly string[] Casting = ["metal.casting"];
    private static readonly string[] SniAndIso = ["sni", "iso9001"];
    private readonly DateOnly _today = ApiFixture.Clock.Today;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
    }

    [Fact]
    public async Task NearMiss_RecommendsTheProgramThatClosesItsGap_AndTheGrantedSniQualifiesTheSupplierInTheNextRun()
    {
        var buyer = await Scenario.BuyerAsync();
        var supplier = await Scenario.SupplierAsync("CV Belum SNI");
        var supplierClient = (await ClientForRoleAsync("supplier", supplier)).Client;
        var need = await Scenario.NeedAsync(buyer, Sni);
        var sniCeper = await ProgramAsync("SNI certification clinic, Ceper", "certification_support", schemes: ["sni"], provinces: ["33"]);
        await ProgramAsync("SNI clinic, Bandung", "certification_support", schemes: ["sni"], provinces: ["32"]);
        await ProgramAsync("CNC machining course", "training", capabilities: ["metal.machining.cnc"], provinces: ["33"]);
        Assert.Empty(await Scenario.RunAsync(need));

        var nearMiss = (await (await Client.GetAsync($"/api/v1/needs/{need}/near-misses")).ReadJsonAsync())["items"]!.AsArray().Single()!;
        Assert.Equal(supplier.ToString(), nearMiss["supplier"]!["id"]!.GetValue<string>());
        Assert.Equal([sniCeper.ToString()], nearMiss["programs"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));

        var recommendation = (await (await supplierClient.GetAsync($"/api/v1/suppliers/{supplier}/recommendations")).ReadAsync<JsonArray>()).Single()!;
        Assert.Equal(("certification", "sni"), (recommendation["gapKind"]!.GetValue<string>(), recommendation["gapSubject"]!.GetValue<string>()));
        Assert.Equal([sniCeper.ToString()], recommendation["programs"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal(need.ToString(), recommendation["needs"]!.AsArray().Single()!["needId"]!.GetValue<string>());
        Assert.Equal(2_400_000_000, recommendation["totalEstimatedValueIdr"]!.GetValue<long>());

        var enrolment = await (await supplierClient.PostAsync($"/api/v1/programs/{sniCeper}/enrolments", null)).ReadJsonAsync(HttpStatusCode.Created);
        var completed = await (await Client.PostJsonAsync($"/api/v1/programs/{sniCeper}/enrolments/{enrolment["id"]}/complete",
            new { kind = "certificate_granted", scheme = "sni", certificateNumber = "SNI-07-2052-2026", validUntil = _today.AddYears(2) })).ReadJsonAsync();
        Assert.Equal("completed", completed["status"]!.GetValue<string>());

        var certifications = (await (await Client.GetAsync($"/api/v1/suppliers/{supplier}")).ReadJsonAsync())["certifications"]!.AsArray();
        Assert.Equal("SNI-07-2052-2026", certifications.Single()!["number"]!.GetValue<string>());
        Assert.Contains(supplier, (await Scenario.RunAsync(need)).Keys);
        Assert.Empty(await (await supplierClient.GetAsync($"/api/v1/suppliers/{supplier}/recommendations")).ReadAsync<JsonArray>());

        var history = (await (await supplierClient.GetAsync($"/api/v1/suppliers/{supplier}/programs")).ReadAsync<JsonArray>()).Single()!;
        Assert.Equal(("completed", "certificate_granted"), (history["status"]!.GetValue<string>(), history["outcome"]!["kind"]!.GetValue<string>()));
        var events = (await (await supplierClient.GetAsync("/api/v1/events?types=program.enrolled,program.completed")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal(["program.enrolled", "program.completed"], events.Select(e => e!["type"]!.GetValue<string>()));
        var audit = (await (await Client.GetAsync($"/api/v1/audit?entity=supplier&entityId={supplier}")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "updated");
    }

    [Fact]
    public async Task Seats_AreNeverExceeded_EvenByConcurrentEnrolmentsForTheLastSeat()
    {
        var program = await ProgramAsync("Mentoring for foundries", "mentoring", capabilities: ["metal.casting"], provinces: ["33"], seats: 1);
        var first = (await ClientForRoleAsync("supplier", await Scenario.SupplierAsync("CV Satu"))).Client;
        var second = (await ClientForRoleAsync("supplier", await Scenario.SupplierAsync("CV Dua"))).Client;

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using (var hold = await connection.BeginTransactionAsync())
        {
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM capability_programs WHERE id = @id FOR UPDATE", connection, hold))
            {
                lockRow.Parameters.AddWithValue("id", program);
                await lockRow.ExecuteScalarAsync();
            }

            var a = first.PostAsync($"/api/v1/programs/{program}/enrolments", null);
            var b = second.PostAsync($"/api/v1/programs/{program}/enrolments", null);
            await Task.Delay(500);
            await hold.CommitAsync();
            var statuses = (await Task.WhenAll(a, b)).Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], statuses);
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM program_enrolments WHERE program_id = @id", connection);
        count.Parameters.AddWithValue("id", program);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
        var third = (await ClientForRoleAsync("supplier", await Scenario.SupplierAsync("CV Tiga"))).Client;
        var full = await (await third.PostAsync($"/api/v1/programs/{program}/enrolments", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("full", full["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await (await Client.GetAsync($"/api/v1/programs/{program}")).ReadJsonAsync())["seatsLeft"]!.GetValue<int>());
    }

    [Fact]
    public async Task IllegalEnrolmentsAndOutcomes_AreRefusedNamingTheProblem()
    {
        var supplier = await Scenario.SupplierAsync("CV Klaten");
        var client = (await ClientForRoleAsync("supplier", supplier)).Client;
        var bandungOnly = await ProgramAsync("Bandung course", "training", capabilities: ["metal.casting"], provinces: ["32"]);
        await (await client.PostAsync($"/api/v1/programs/{bandungOnly}/enrolments", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "supplierId");
        var ended = await ProgramAsync("Last year's clinic", "certification_support", schemes: ["sni"], startsOn: _today.AddDays(-60), endsOn: _today.AddDays(-1));
        await (await client.PostAsync($"/api/v1/programs/{ended}/enrolments", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var sni = await ProgramAsync("SNI clinic", "certification_support", schemes: ["sni"]);
        var enrolment = await (await client.PostAsync($"/api/v1/programs/{sni}/enrolments", null)).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync($"/api/v1/programs/{sni}/enrolments", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await Client.PostJsonAsync($"/api/v1/programs/{sni}/enrolments/{enrolment["id"]}/complete",
            new { kind = "certificate_granted", scheme = "iso9001", validUntil = _today.AddYears(1) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "outcome");
        await (await Client.PostJsonAsync($"/api/v1/programs/{sni}/enrolments/{enrolment["id"]}/complete", new { kind = "certificate_granted" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "scheme");
        await (await client.PostJsonAsync($"/api/v1/programs/{sni}/enrolments/{enrolment["id"]}/complete", new { kind = "none" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await Client.PostJsonAsync($"/api/v1/programs/{sni}/enrolments/{enrolment["id"]}/complete", new { kind = "none" })).ReadJsonAsync();
        await (await Client.PostJsonAsync($"/api/v1/programs/{sni}/enrolments/{enrolment["id"]}/complete", new { kind = "none" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await (await Client.PostJsonAsync("/api/v1/programs", new
        {
            name = "x",
            @operator = "y",
            kind = "training",
            capabilityCodes = UnknownCode,
            startsOn = _today,
            endsOn = _today,
            seats = 5
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "capabilityCodes[0]");
        await (await Client.PostJsonAsync("/api/v1/programs", new
        {
            name = "x",
            @operator = "y",
            kind = "training",
            capabilityCodes = Casting,
            startsOn = _today,
            endsOn = _today.AddDays(-1),
            seats = 5
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "endsOn");
        await (await Client.PostJsonAsync("/api/v1/programs", new { name = "x", @operator = "y", kind = "training", startsOn = _today, endsOn = _today, seats = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "capabilityCodes");
        await (await client.PostJsonAsync("/api/v1/programs", new { name = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Effect_ComparesEnrolledSuppliersWithThoseThatDidNotEnrol_OnHandBuiltData()
    {
        var buyer = await Scenario.BuyerAsync();
        var enrolled = await Scenario.SupplierAsync("CV Ikut Program");
        var other = await Scenario.SupplierAsync("CV Tidak Ikut");
        var need = await Scenario.NeedAsync(buyer, Sni);
        Assert.Empty(await Scenario.RunAsync(need));
        var program = await ProgramAsync("SNI clinic, Ceper", "certification_support", schemes: ["sni"], provinces: ["33"]);
        var enrolment = await (await Client.PostJsonAsync($"/api/v1/programs/{program}/enrolments", new { supplierId = enrolled })).ReadJsonAsync(HttpStatusCode.Created);
        await (await Client.PostJsonAsync($"/api/v1/programs/{program}/enrolments/{enrolment["id"]}/complete",
            new { kind = "certificate_granted", scheme = "sni", validUntil = _today.AddYears(2) })).ReadJsonAsync();
        var match = (await Scenario.RunAsync(need))[enrolled];
        await Scenario.PartnershipAsync(match, enrolled);

        var analyst = (await ClientForRoleAsync("analyst")).Client;
        var report = await (await analyst.GetAsync("/api/v1/analytics/programs")).ReadJsonAsync();
        var byProgram = report["byProgram"]!.AsArray().Single()!;
        Assert.Equal((1, 1, 1), (byProgram["enrolled"]!.GetValue<int>(), byProgram["completed"]!.GetValue<int>(), byProgram["gapsClosed"]!.GetValue<int>()));
        AssertFollowed(byProgram["after"]!, 1, 1, 1, 1, 2_400_000_000);
        var gap = report["byGap"]!.AsArray().Single(g => g!["gapKind"]!.GetValue<string>() == "certification")!;
        Assert.Equal(("sni", 2), (gap["gapSubject"]!.GetValue<string>(), gap["suppliersWithGap"]!.GetValue<int>()));
        AssertFollowed(gap["enrolled"]!, 1, 1, 1, 1, 2_400_000_000);
        AssertFollowed(gap["notEnrolled"]!, 1, 0, 0, 0, 0);
        Assert.Contains("comparison group", report["comparisonNote"]!.GetValue<string>(), StringComparison.Ordinal);
        var csv = await analyst.GetStringAsync("/api/v1/analytics/programs/csv");
        Assert.Contains("gap,certification:sni,not_enrolled,0,0,0,1,0,0,0,0", csv, StringComparison.Ordinal);
        Assert.NotEqual(enrolled, other);
    }

    [Fact]
    public async Task Admin_ReplacesAndDeletesPrograms_WithinTheirRules()
    {
        var program = await ProgramAsync("Clinic", "certification_support", schemes: ["sni"], seats: 2);
        var replaced = await (await Client.PutJsonAsync($"/api/v1/programs/{program}", new
        {
            name = "SNI clinic (extended)",
            @operator = "Disperindag Jateng",
            kind = "certification_support",
            certificationSchemes = SniAndIso,
            startsOn = _today,
            endsOn = _today.AddMonths(6),
            seats = 30,
        })).ReadJsonAsync();
        Assert.Equal(("SNI clinic (extended)", 30, 2), (replaced["name"]!.GetValue<string>(), replaced["seats"]!.GetValue<int>(),
            replaced["certificationSchemes"]!.AsArray().Count));

        var supplier = (await ClientForRoleAsync("supplier", await Scenario.SupplierAsync("CV Peserta"))).Client;
        await (await supplier.PostAsync($"/api/v1/programs/{program}/enrolments", null)).ReadJsonAsync(HttpStatusCode.Created);
        await (await Client.PutJsonAsync($"/api/v1/programs/{program}", new
        {
            name = "x",
            @operator = "y",
            kind = "training",
            capabilityCodes = Casting,
            startsOn = _today,
            endsOn = _today,
            seats = 0,
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "seats");
        await (await Client.DeleteAsync($"/api/v1/programs/{program}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await supplier.DeleteAsync($"/api/v1/programs/{program}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var unused = await ProgramAsync("Unused", "training", capabilities: ["metal.casting"]);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/programs/{unused}")).StatusCode);
        await (await Client.GetAsync($"/api/v1/programs/{unused}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static void AssertFollowed(JsonNode f, int suppliers, int qualified, int invited, int won, long value) =>
        Assert.Equal((suppliers, qualified, invited, won, value), (f["suppliers"]!.GetValue<int>(), f["laterQualified"]!.GetValue<int>(),
            f["laterInvited"]!.GetValue<int>(), f["partnershipsWon"]!.GetValue<int>(), f["partnershipValueIdr"]!.GetValue<long>()));

    private async Task<Guid> ProgramAsync(string name, string kind, string[]? capabilities = null, string[]? schemes = null, string[]? provinces = null,
        int seats = 20, DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        var body = new
        {
            name,
            @operator = "Dinas Perindustrian Jawa Tengah",
            kind,
            capabilityCodes = capabilities ?? [],
            certificationSchemes = schemes ?? [],
            provinceCodes = provinces ?? [],
            startsOn = startsOn ?? _today,
            endsOn = endsOn ?? _today.AddMonths(3),
            seats,
        };
        return Guid.Parse((await (await Client.PostJsonAsync("/api/v1/programs", body)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
    }
}
