using System.Net;
using System.Net.Sockets;

namespace MailTicketing.Faults.Tests.Support;

/// <summary>
/// A port in front of a real server that the test opens and closes: open, it relays bytes both
/// ways (TLS passes through end to end); closed, nothing listens (connection refused, as for a
/// stopped server) and every relayed connection is cut; paused, relayed connections stay up
/// but no byte moves either way (a server that stalls). Used for "Postfix is down" without
/// stopping the shared Postfix that other tests use at the same time, and to hold a worker
/// between two fetches at a moment the test chooses.
/// </summary>
internal sealed class TcpGate : IAsyncDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;
    private TaskCompletionSource _flowing = Flowing();

    public TcpGate(int target)
    {
        _target = target;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    /// <summary>How many connections were relayed to the server.</summary>
    public int Relayed { get; private set; }

    public void Open()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    /// <summary>Stops relaying bytes (connections stay open) until <see cref="Resume"/>.</summary>
    public void Pause()
    {
        if (_flowing.Task.IsCompleted)
        {
            _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Resume() => _flowing.TrySetResult();

    public async Task CloseAsync()
    {
        _listener?.Stop();
        _listener = null;
        await _accepting;
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // closed
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(server);
                Relayed++;
            }

            _ = PumpAsync(client, server, this);
            _ = PumpAsync(server, client, this);
        }
    }

    private static TaskCompletionSource Flowing()
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flowing.SetResult();
        return flowing;
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, TcpGate gate)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var source = from.GetStream();
            var target = to.GetStream();
            int read;
            while ((read = await source.ReadAsync(buffer)) > 0)
            {
                await gate._flowing.Task;
                await target.WriteAsync(buffer.AsMemory(0, read));
            }

            to.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
