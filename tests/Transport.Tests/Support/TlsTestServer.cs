using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace MailTicketing.Transport.Tests.Support;

/// <summary>
/// A TLS server on 127.0.0.1 presenting a given certificate to one client, then sending one
/// byte: host names and pins need certificates the real servers do not have.
/// </summary>
internal sealed class TlsTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _run;

    public TlsTestServer(X509Certificate2 certificate)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _run = Task.Run(async () =>
        {
            try
            {
                using var tcp = await _listener.AcceptTcpClientAsync();
                await using var ssl = new SslStream(tcp.GetStream());
                await ssl.AuthenticateAsServerAsync(certificate);
                await ssl.WriteAsync("!"u8.ToArray());
                await ssl.FlushAsync();
                _ = await ssl.ReadAsync(new byte[1]);
            }
            catch (Exception e) when (e is IOException or AuthenticationException or SocketException or ObjectDisposedException)
            {
                // The client hangs up during the handshake when it refuses the certificate.
            }
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connects and shakes hands as the clients do; returns the first byte read over TLS.</summary>
    public async Task<int> ConnectAsync(CertificateTrust trust, string host = "127.0.0.1")
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var tcp = await SecureChannel.ConnectTcpAsync(host, Port, cts.Token);
        await using var tls = await SecureChannel.AuthenticateAsClientAsync(tcp.GetStream(), host, Port, trust, cts.Token);
        var buffer = new byte[1];
        await tls.ReadExactlyAsync(buffer, cts.Token);
        return buffer[0];
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
