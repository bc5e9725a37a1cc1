using System.Net;
using System.Net.Sockets;

namespace Matchmaking.Api.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder between the API and PostgreSQL that a test can take down (the port refuses connections
/// and open ones are cut, as when the server stops) and bring back on the same port.
/// </summary>
public sealed class SwitchableTcpProxy : IAsyncDisposable
{
    private readonly string _upstreamHost;
    private readonly int _upstreamPort;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _running = new();

    public SwitchableTcpProxy(string upstreamHost, int upstreamPort)
    {
        _upstreamHost = upstreamHost;
        _upstreamPort = upstreamPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener, _running.Token);
    }

    public int Port { get; }

    public void TakeDown()
    {
        _running.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            _open.ForEach(c => c.Dispose());
            _open.Clear();
        }
    }

    public void BringUp()
    {
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _running.Token);
    }

    public ValueTask DisposeAsync()
    {
        TakeDown();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client, cancellationToken);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var upstream = new TcpClient();
        lock (_open)
        {
            _open.Add(client);
            _open.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(_upstreamHost, _upstreamPort, cancellationToken);
            await Task.WhenAny(
                client.GetStream().CopyToAsync(upstream.GetStream(), cancellationToken),
                upstream.GetStream().CopyToAsync(client.GetStream(), cancellationToken));
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut on purpose, or closed by either side.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }
}
