using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Suppliers;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Matchmaking.Api.Tests.Scale;

/// <summary>
/// Lag-tolerant reads on a real streaming replica (made by deploy/test.sh with pg_basebackup -R). Which server
/// answered is shown by pausing the replica's replay: a write then is on the primary only.
/// </summary>
public sealed class ReadReplicaTests(ApiFixture fixture) : ApiTest(fixture)
{
    [ReplicaFact]
    public async Task A_lag_tolerant_read_is_served_by_the_replica_and_a_read_after_write_by_the_primary()
    {
        await using var host = HostWithReplica(Fixture.ReplicaConnectionString!, maxLagSeconds: 100_000);
        var admin = AdminOf(host);
        var (id, nib) = await SupplierOnBothAsync(admin, "CV Replika Lama");

        await using var replay = await ReplayPausedAsync();
        var put = await admin.PutJsonAsync($"/api/v1/suppliers/{id}", TestData.Supplier(name: "CV Replika Baru", nib: nib));
        Assert.Equal("CV Replika Baru", (await put.ReadAsync<SupplierDto>()).Name); // the write's own answer: the primary
        Assert.Equal("CV Replika Baru", (await (await admin.GetAsync($"/api/v1/suppliers/{id}")).ReadAsync<SupplierDto>()).Name); // not lag-tolerant

        // The registry list tolerates lag: the paused replica still has the old name.
        Assert.Equal("CV Replika Lama", await ListedNameAsync(admin, id));

        await replay.DisposeAsync();
        await WaitUntilAsync(async () => await ListedNameAsync(admin, id) == "CV Replika Baru");
    }

    [ReplicaFact]
    public async Task A_replica_lagging_past_its_bound_is_not_used()
    {
        await using var host = HostWithReplica(Fixture.ReplicaConnectionString!, maxLagSeconds: 1);
        var admin = AdminOf(host);
        var (id, nib) = await SupplierOnBothAsync(admin, "CV Lag Lama");

        await using var replay = await ReplayPausedAsync();
        await (await admin.PutJsonAsync($"/api/v1/suppliers/{id}", TestData.Supplier(name: "CV Lag Baru", nib: nib))).ReadAsync<SupplierDto>();

        // Replay is paused with WAL waiting: the lag grows past 1 s and the monitor stops using the replica.
        await WaitUntilAsync(async () => await ListedNameAsync(admin, id) == "CV Lag Baru");
        var metrics = await MetricsAsync(host);
        Assert.Matches("matchmaking_replica_fallbacks_total\\{[^}]*reason=\"lagging\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("matchmaking_replica_lag_seconds(\\{[^}]*\\})? [1-9]", metrics);
    }

    [ReplicaFact]
    public async Task A_replica_that_goes_down_mid_read_is_replaced_by_the_primary()
    {
        var replica = new NpgsqlConnectionStringBuilder(Fixture.ReplicaConnectionString!);
        await using var proxy = new SwitchableTcpProxy(replica.Host!, replica.Port);
        replica.Host = "127.0.0.1";
        replica.Port = proxy.Port;
        replica.Pooling = false;
        await using var host = HostWithReplica(replica.ConnectionString, maxLagSeconds: 100_000, checkSeconds: 3600);
        var admin = AdminOf(host);
        var (id, _) = await SupplierOnBothAsync(admin, "CV Turun");

        proxy.TakeDown(); // the monitor measured it usable an hour's check ago: the read itself meets the failure
        Assert.Equal("CV Turun", await ListedNameAsync(admin, id));
        Assert.Matches("matchmaking_replica_fallbacks_total\\{[^}]*reason=\"failed\"[^}]*\\} [1-9]", await MetricsAsync(host));
    }

    [Fact]
    public async Task With_the_replica_unreachable_reads_still_succeed_from_the_primary()
    {
        await using var host = HostWithReplica("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=1", maxLagSeconds: 5);
        var admin = AdminOf(host);
        var id = await new Scenario(admin, (_, _) => throw new NotSupportedException()).SupplierAsync("CV Primer");

        Assert.Equal("CV Primer", await ListedNameAsync(admin, id));
        await (await admin.GetAsync("/api/v1/analytics/linkage")).ReadJsonAsync();
    }

    private WebApplicationFactory<Program> HostWithReplica(string replicaServer, double maxLagSeconds, double checkSeconds = 0.1) =>
        Fixture.Factory.WithWebHostBuilder(builder =>
        {
            var replica = new NpgsqlConnectionStringBuilder(replicaServer);
            if (replica.Database != "none")
            {
                replica.Database = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString).Database;
            }

            builder.UseSetting("ConnectionStrings:MatchmakingReadOnly", replica.ConnectionString);
            builder.UseSetting("Database:ReplicaMaxLagSeconds", maxLagSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Database:ReplicaCheckSeconds", checkSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

    private static HttpClient AdminOf(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        return client;
    }

    /// <summary>Creates a supplier and waits until the replica has replayed it and the host uses the replica.</summary>
    private async Task<(Guid Id, string Nib)> SupplierOnBothAsync(HttpClient admin, string name)
    {
        var nib = TestData.NextNib();
        var created = await (await admin.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: name, nib: nib))).ReadAsync<SupplierDto>(HttpStatusCode.Created);
        await WaitUntilAsync(async () => await ListedNameAsync(admin, created.Id) == name);
        await Task.Delay(300); // a few monitor rounds, so the host has measured the replica since
        return (created.Id, nib);
    }

    private static async Task<string?> ListedNameAsync(HttpClient admin, Guid id)
    {
        var page = await (await admin.GetAsync("/api/v1/suppliers?pageSize=200")).ReadAsync<PagedList<SupplierDto>>();
        return page.Items.FirstOrDefault(s => s.Id == id)?.Name;
    }

    private static async Task<string> MetricsAsync(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:9464") });
        return await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();
    }

    private async Task<IAsyncDisposable> ReplayPausedAsync()
    {
        var connection = new NpgsqlConnection(Fixture.ReplicaConnectionString);
        await connection.OpenAsync();
        await using (var pause = new NpgsqlCommand("SELECT pg_wal_replay_pause()", connection))
        {
            await pause.ExecuteNonQueryAsync();
        }

        return new ResumeReplay(connection);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The condition did not hold within 10 s.");
    }

    private sealed class ResumeReplay(NpgsqlConnection connection) : IAsyncDisposable
    {
        private bool _done;

        public async ValueTask DisposeAsync()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            await using (var resume = new NpgsqlCommand("SELECT pg_wal_replay_resume()", connection))
            {
                await resume.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }
}

/// <summary>A test that needs the streaming replica deploy/test.sh makes (MATCHMAKING_TEST_REPLICA_CONNECTION).</summary>
public sealed class ReplicaFactAttribute : FactAttribute
{
    public ReplicaFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ApiFixture.ReplicaEnvironmentVariable)))
        {
            Skip = $"No streaming replica: set {ApiFixture.ReplicaEnvironmentVariable} (bash deploy/test.sh makes one on the machine's PostgreSQL).";
        }
    }
}
