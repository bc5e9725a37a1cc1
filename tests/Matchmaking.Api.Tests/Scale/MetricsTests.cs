using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Matchmaking.Api.Tests.Scale;

/// <summary>The Prometheus scrape endpoint: on the management port only, with the figures operators watch.</summary>
public sealed class MetricsTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_management_port_exposes_the_operators_figures()
    {
        await using var host = Fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting("Metrics:BacklogSeconds", "0.1"));
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        var scenario = new Scenario(admin, (_, _) => throw new NotSupportedException());
        await scenario.SupplierAsync("CV Metrik");
        await scenario.RunAsync(await scenario.NeedAsync(await scenario.BuyerAsync()));
        var import = await admin.PostRawAsync("/api/v1/suppliers/import",
            System.Text.Json.JsonSerializer.Serialize(TestData.Supplier(name: "CV Impor Metrik"), Application.Common.Json.JsonDefaults.Options), "application/x-ndjson");
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        await Task.Delay(300); // a backlog round

        using var scraper = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:9464") });
        var response = await scraper.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration_seconds_count{", text); // request rate and latency...
        Assert.Matches("http_server_request_duration_seconds_bucket\\{[^}]*http_route=\"/api/v1/needs/\\{id:guid\\}/match-runs\"", text); // ...per route
        Assert.Matches("matchmaking_request_duration_seconds_count\\{[^}]*outcome=\"ok\"[^}]*request=\"RunMatchCommand\"[^}]*\\} 1", text); // the timing behaviour
        Assert.Matches("matchmaking_request_duration_seconds_count\\{[^}]*request=\"ImportSuppliersCommand\"[^}]*\\} 1", text);
        Assert.Matches("matchmaking_match_run_candidates_sum(\\{[^}]*\\})? 1", text);
        Assert.Matches("matchmaking_import_rows_total(\\{[^}]*\\})? 1", text);
        Assert.Contains("matchmaking_outbox_events_pending", text);
        Assert.Contains("matchmaking_outbox_deliveries_pending", text);
        Assert.Contains("db_client_connection", text); // Npgsql's pool usage
    }

    [Fact]
    public async Task The_public_port_does_not_serve_metrics()
    {
        var response = await ClientWithKey(ApiFixture.AdminKey).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
