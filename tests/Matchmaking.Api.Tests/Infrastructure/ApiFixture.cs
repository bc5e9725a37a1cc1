using Matchmaking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;

namespace Matchmaking.Api.Tests.Infrastructure;

/// <summary>One database and one API host for the whole run; every test starts from empty tables.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string AdminKey = "test-bootstrap-admin-key-0123456789";

    /// <summary>The keys' rate-limit burst in the shared host (lifted: every test's admin requests share one key).</summary>
    public const int RateLimitBurst = 1_000_000;

    private readonly TestDatabase _database = new();
    private Respawner? _respawner;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The server's clock; tests take "today" from it, never from the machine.</summary>
    public static TestClock Clock { get; } = new();

    public const string ReplicaEnvironmentVariable = "MATCHMAKING_TEST_REPLICA_CONNECTION";

    public string ConnectionString => _database.ConnectionString;

    /// <summary>The streaming replica's server (its 'postgres' database), when the run has one.</summary>
    public string? ReplicaConnectionString => Environment.GetEnvironmentVariable(ReplicaEnvironmentVariable) is { Length: > 0 } replica
        ? new NpgsqlConnectionStringBuilder(replica) { Database = new NpgsqlConnectionStringBuilder(ConnectionString).Database }.ConnectionString
        : null;

    public async Task InitializeAsync()
    {
        await _database.StartAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Matchmaking", _database.ConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Auth:BootstrapAdminKey", AdminKey);
            // Every test's admin requests share the bootstrap key's bucket: lift it so a long run never meets a 429 it did not ask for
            // (the rate-limit tests start their own hosts with small budgets).
            builder.UseSetting("RateLimiting:Burst", RateLimitBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimiting:PerSecond", RateLimitBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Webhooks: receivers in tests listen on 127.0.0.1 over http; dispatchers run only in the hosts of the webhook tests.
            builder.UseSetting("Webhooks:Dispatch", "false");
            builder.UseSetting("Webhooks:AllowHttp", "true");
            builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
            builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("MATCHMAKING_TEST_LOG_LEVEL") ?? "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
            builder.UseSetting("Logging:LogLevel:LuckyPennySoftware", "Error");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            // The migrations themselves are under test: the schema comes from them, not EnsureCreated.
            await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // Reference data is seeded by migrations and never written by the API.
            TablesToIgnore = ["__ef_migrations_history", "provinces", "capabilities", "registry_versions", "capability_coverage", "webhook_fanout"],
        });
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>Base for HTTP tests: a client on the real pipeline and a clean database.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiFixture fixture) : IAsyncLifetime
{
    protected ApiFixture Fixture { get; } = fixture;

    private readonly List<HttpClient> _clients = [];

    /// <summary>A client holding the bootstrap admin key.</summary>
    protected HttpClient Client { get; private set; } = null!;

    private Scenario? _scenario;

    /// <summary>Steps of the procurement story, taken with the admin key unless a step is given a client.</summary>
    protected Scenario Scenario => _scenario ??= new Scenario(Client, ClientForRoleAsync);

    /// <summary>Today on the server's clock.</summary>
    protected static DateOnly Today => ApiFixture.Clock.Today;

    public virtual async Task InitializeAsync()
    {
        await Fixture.ResetAsync();
        Client = ClientWithKey(ApiFixture.AdminKey);
    }

    public Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        return Task.CompletedTask;
    }

    protected HttpClient ClientWithKey(string? key)
    {
        var client = Fixture.Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        _clients.Add(client);
        return client;
    }

    /// <summary>
    /// Moves a partnership's start back in time, as if it had begun earlier: payments are dated on or after
    /// the start, and tests of payment history need invoices older than today.
    /// </summary>
    protected async Task PartnershipStartedDaysAgoAsync(Guid partnership, int days)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE partnerships SET start_date = start_date - @days WHERE id = @id", connection);
        update.Parameters.AddWithValue("days", days);
        update.Parameters.AddWithValue("id", partnership);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    /// <summary>
    /// A barrier for races: holds a row lock in its own transaction and returns once <paramref name="waiters"/>
    /// other sessions are blocked behind a lock, so the requests under test really overlap; disposing releases it.
    /// </summary>
    protected async Task<IAsyncDisposable> HoldRowUntilWaitingAsync(string lockSql, object id, int waiters)
    {
        var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        var hold = await connection.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand(lockSql, connection, hold))
        {
            lockRow.Parameters.AddWithValue("id", id);
            Assert.NotNull(await lockRow.ExecuteScalarAsync());
        }

        return new RowHold(Fixture.ConnectionString, connection, hold, waiters);
    }

    private sealed class RowHold(string connectionString, NpgsqlConnection connection, NpgsqlTransaction hold, int waiters) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await WaitForWaitersAsync();
            }
            finally
            {
                await hold.CommitAsync();
                await connection.DisposeAsync();
            }
        }

        private async Task WaitForWaitersAsync()
        {
            await using var monitor = new NpgsqlConnection(connectionString);
            await monitor.OpenAsync();
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (true)
            {
                await using var count = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", monitor);
                var blocked = (long)(await count.ExecuteScalarAsync())!;
                if (blocked >= waiters)
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, $"only {blocked} of {waiters} requests reached the held lock");
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Creates a key through the API (as admin) and returns a client that sends it.</summary>
    protected async Task<(HttpClient Client, Guid KeyId, string Secret)> ClientForRoleAsync(string role, Guid? organizationId = null)
    {
        var response = await Client.PostJsonAsync("/api/v1/api-keys", new { role, organizationId, name = $"test {role}" });
        var created = await response.ReadJsonAsync(System.Net.HttpStatusCode.Created);
        var secret = created["key"]!.GetValue<string>();
        return (ClientWithKey(secret), Guid.Parse(created["id"]!.GetValue<string>()), secret);
    }
}
