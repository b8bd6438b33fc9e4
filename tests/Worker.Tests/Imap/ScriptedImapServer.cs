using System.Net;
using System.Net.Sockets;
using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Worker.Tests.Imap;

/// <summary>
/// A fake IMAP server on 127.0.0.1 that plays one script per connection, in order: the first
/// connection gets the first script, the reconnection the second, and so on. For faults a real
/// server cannot be made to produce at a chosen moment.
/// </summary>
internal sealed class ScriptedImapServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<FakeSession> _sessions = [];

    public ScriptedImapServer(params Func<FakeSession, Task>[] scripts)
    {
        _listener.Start();
        Completion = ServeAsync(scripts);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every script's outcome, in order; await it to see the server side's assertions.</summary>
    public Task Completion { get; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        foreach (var session in _sessions)
        {
            session.Abort();
        }

        try
        {
            await Completion.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or TimeoutException or OperationCanceledException)
        {
            // A script cut short by the end of the test.
        }
    }

    private async Task ServeAsync(Func<FakeSession, Task>[] scripts)
    {
        foreach (var script in scripts)
        {
            var session = new FakeSession(await _listener.AcceptTcpClientAsync());
            _sessions.Add(session);
            try
            {
                await script(session);
            }
            catch
            {
                session.Abort();
                throw;
            }

            session.Close();
        }
    }
}
