using System.Net;
using System.Net.Sockets;
using MailTicketing.Transport;

namespace MailTicketing.Smtp.Tests.Support;

/// <summary>
/// A scripted SMTP server on 127.0.0.1 for the faults a real server will not produce on
/// demand (421 at greeting, a cut in the middle of DATA, odd replies). Serves one connection.
/// Await <see cref="FinishAsync"/> so that assertions inside the script fail the test.
/// </summary>
internal sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _run;

    private FakeSmtpServer(TcpListener listener, Func<FakeSmtpSession, Task> script)
    {
        _listener = listener;
        _run = Task.Run(async () =>
        {
            using var tcp = await listener.AcceptTcpClientAsync();
            await using var session = new FakeSmtpSession(tcp);
            await script(session);
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static FakeSmtpServer Start(Func<FakeSmtpSession, Task> script)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new FakeSmtpServer(listener, script);
    }

    /// <summary>Options for a plain connection to this server, with short timeouts.</summary>
    public SmtpClientOptions Options(MailCredentials? credentials = null, Action<string>? log = null, TimeSpan? commandTimeout = null) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Security = SmtpSecurity.None,
        Credentials = credentials,
        AllowAuthenticationWithoutTls = credentials is not null,
        ClientName = "client.test",
        ProtocolLog = log,
        CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(10),
        DataTimeout = commandTimeout ?? TimeSpan.FromSeconds(10),
    };

    public async Task FinishAsync() => await _run.WaitAsync(TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // A test that did not await FinishAsync has already failed or does not care.
        }
    }
}
