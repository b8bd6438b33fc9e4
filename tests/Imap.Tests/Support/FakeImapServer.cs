using System.Net;
using System.Net.Sockets;

namespace MailTicketing.Imap.Tests.Support;

/// <summary>
/// An in-process IMAP server on 127.0.0.1 that plays a script, for faults a real server
/// cannot be made to produce (BYE mid-fetch, a cut literal, silence). One connection per script.
/// </summary>
internal sealed class FakeImapServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<FakeSession> _sessions = [];

    private FakeImapServer(Func<FakeSession, Task> script)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Completion = ServeAsync(script);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The script's outcome: await it to see the server side's assertions.</summary>
    public Task Completion { get; }

    public static FakeImapServer Start(Func<FakeSession, Task> script) => new(script);

    /// <summary>Plain connection, credentials allowed (loopback test), short timeouts.</summary>
    public ImapClientOptions Options(
        Action<string>? log = null,
        TimeSpan? commandTimeout = null,
        TimeSpan? idleRenewInterval = null,
        long? maxLiteralSize = null,
        IReadOnlyList<ImapPasswordMethod>? passwordMethods = null) => new()
        {
            Host = "127.0.0.1",
            Port = Port,
            Security = ImapSecurity.None,
            AllowAuthenticationWithoutTls = true,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(10),
            IdleRenewInterval = idleRenewInterval ?? TimeSpan.FromMinutes(25),
            MaxLiteralSize = maxLiteralSize ?? 1L << 30,
            PasswordMethods = passwordMethods ?? [ImapPasswordMethod.LoginCommand],
            ProtocolLog = log,
        };

    /// <summary>Waits for the script to end (it fails the test if the script did).</summary>
    public async Task FinishAsync() => await Completion.WaitAsync(TimeSpan.FromSeconds(20));

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

    private async Task ServeAsync(Func<FakeSession, Task> script)
    {
        var tcp = await _listener.AcceptTcpClientAsync();
        var session = new FakeSession(tcp);
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
