using Npgsql;
using Testcontainers.PostgreSql;

namespace Matchmaking.Api.Tests.Infrastructure;

/// <summary>
/// Finds a PostgreSQL server for the run: MATCHMAKING_TEST_CONNECTION if set, else a Testcontainers
/// container when a Docker engine answers, else fails with what to do. Creates one fresh database per run.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "MATCHMAKING_TEST_CONNECTION";

    private PostgreSqlContainer? _container;
    private string _serverConnection = string.Empty;

    public string ConnectionString { get; private set; } = string.Empty;
    public string DatabaseName { get; } = $"matchmaking_test_{Guid.NewGuid():N}";

    public async Task StartAsync()
    {
        _serverConnection = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
            ? configured
            : await StartContainerAsync();

        await using (var connection = new NpgsqlConnection(_serverConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnection) { Database = DatabaseName, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
            return;
        }

        if (_serverConnection.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<string> StartContainerAsync()
    {
        if (!DockerAnswers())
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: set {EnvironmentVariable} (e.g. \"Host=localhost;Username=postgres;Password=postgres;Database=postgres\"), " +
                "start a Docker engine for Testcontainers, or run the README's test command (bash deploy/test.sh), which starts the machine's PostgreSQL.");
        }

        _container = new PostgreSqlBuilder("postgres:16").Build();
        await _container.StartAsync();
        return _container.GetConnectionString();
    }

    private static bool DockerAnswers()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 })
        {
            return true;
        }

        const string socket = "/var/run/docker.sock";
        if (!File.Exists(socket))
        {
            return false;
        }

        try
        {
            using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            probe.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(socket));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
