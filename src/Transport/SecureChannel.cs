using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace MailTicketing.Transport;

/// <summary>
/// The socket and TLS steps both clients take the same way; each keeps its own protocol
/// (greeting, STARTTLS command, timeouts) and its own exception types on top.
/// </summary>
public static class SecureChannel
{
    /// <summary>Opens a TCP connection with Nagle off; the client is disposed if connecting fails.</summary>
    public static async Task<TcpClient> ConnectTcpAsync(string host, int port, CancellationToken cancellationToken)
    {
        // A command often leaves in several small writes (line, literal, CRLF); with Nagle's
        // algorithm each would wait for the previous one to be acknowledged.
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return tcp;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>
    /// TLS over <paramref name="inner"/> (which the returned stream owns), the certificate judged
    /// by <paramref name="trust"/> for <paramref name="host"/>. A refused certificate or a failed
    /// handshake is a <see cref="TransportSecurityException"/> giving the reason; I/O errors and
    /// cancellation pass through. Either way the TLS stream and <paramref name="inner"/> are closed.
    /// </summary>
    public static async Task<SslStream> AuthenticateAsClientAsync(Stream inner, string host, int port, CertificateTrust trust, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var tls = new SslStream(inner, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                RemoteCertificateValidationCallback = trust.Validate,
            }, cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch (AuthenticationException e)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new TransportSecurityException($"TLS with {host}:{port} failed: {trust.LastFailure ?? e.Message}", e);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
