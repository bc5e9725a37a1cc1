using System.Diagnostics;
using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Matchmaking.Api.Tests.Reliability;

/// <summary>
/// The API reaches PostgreSQL through a proxy the test takes down and brings back, as when the server
/// stops and restarts: failures are 503 with Retry-After, nothing hangs, and it recovers by itself.
/// </summary>
public sealed class DatabaseOutageTests(ApiFixture fixture) : ApiTest(fixture), IAsyncLifetime
{
    private SwitchableTcpProxy _proxy = null!;
    private WebApplicationFactory<Program> _api = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var direct = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString);
        _proxy = new SwitchableTcpProxy(direct.Host!, direct.Port);
        var proxied = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port, Timeout = 2 };
        _api = Fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:Matchmaking", proxied.ConnectionString));
        _admin = _api.CreateClient();
        _admin.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        _admin.Dispose();
        await _api.DisposeAsync();
        await _proxy.DisposeAsync();
        await DisposeAsync();
    }

    [Fact]
    public async Task Requests_that_need_the_database_get_503_with_Retry_After_and_succeed_again_once_it_is_back()
    {
        var (analyst, _, _) = await ClientForRoleAsync("analyst");
        var analystSecret = analyst.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        using var analystViaProxy = _api.CreateClient();
        analystViaProxy.DefaultRequestHeaders.Add("X-Api-Key", analystSecret);
        (await analystViaProxy.GetAsync("/api/v1/reference/provinces")).EnsureSuccessStatusCode(); // verified once while up
        (await _admin.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).EnsureSuccessStatusCode();

        _proxy.TakeDown();

        foreach (var (client, method, url) in new[]
        {
            (_admin, HttpMethod.Get, "/api/v1/suppliers"),
            (_admin, HttpMethod.Post, "/api/v1/buyers"),
            (analystViaProxy, HttpMethod.Get, "/api/v1/buyers"),
        })
        {
            var started = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(method, url);
            if (method == HttpMethod.Post)
            {
                request.Content = System.Net.Http.Json.JsonContent.Create(TestData.Buyer(name: "PT Saat Padam"), options: HttpExtensions.Json);
            }

            var response = await client.SendAsync(request);
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"{method} {url} took {started.Elapsed}");
            Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.DoesNotContain("Npgsql", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }

        // What needs no database keeps answering: liveness, the OpenAPI document, reference data for a key
        // verified before the outage (and for the configured admin key).
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _admin.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/swagger/v1/swagger.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analystViaProxy.GetAsync("/api/v1/reference/capabilities")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/v1/reference/provinces")).StatusCode);

        // A key that was never verified cannot be told from a wrong one while the database is away: 503, not 401.
        using var unknown = _api.CreateClient();
        unknown.DefaultRequestHeaders.Add("X-Api-Key", "mm_unknownunknownunknownunknownunknownunknown");
        await (await unknown.GetAsync("/api/v1/reference/provinces")).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);

        _proxy.BringUp();

        var deadline = Stopwatch.StartNew();
        HttpResponseMessage? created = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            created = await _admin.PostJsonAsync("/api/v1/buyers", TestData.Buyer(name: "PT Setelah Pulih"));
            if (created.StatusCode == HttpStatusCode.Created)
            {
                break;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, created.StatusCode);
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.Created, created!.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/health/ready")).StatusCode);
        var buyers = await (await Client.GetAsync("/api/v1/buyers")).ReadJsonAsync();
        Assert.Equal(2, buyers["totalCount"]!.GetValue<int>()); // the write refused during the outage left nothing behind
    }
}
