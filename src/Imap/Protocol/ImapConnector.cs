using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// Opens a connection ready for login: TCP, TLS (implicit or STARTTLS), greeting and
/// capabilities, all within <see cref="ImapClientOptions.ConnectTimeout"/>.
/// </summary>
internal static class ImapConnector
{
    public static async Task<ImapEngine> ConnectAsync(ImapClientOptions options, CancellationToken cancellationToken)
    {
        var validator = options.Security == ImapSecurity.None ? null : new ImapCertificateValidator(options);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout);
        // A command often leaves in several small writes (line, literal, CRLF); without
        // NoDelay, Nagle's algorithm holds each back until the previous one is acknowledged.
        var tcp = new TcpClient { NoDelay = true };
        ImapEngine? engine = null;
        try
        {
            await tcp.ConnectAsync(options.Host, options.Port, deadline.Token).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (options.Security == ImapSecurity.ImplicitTls)
            {
                stream = await StartTlsAsync(stream, options, validator!, deadline.Token).ConfigureAwait(false);
            }

            engine = new ImapEngine(stream, options, tcp) { IsEncrypted = options.Security == ImapSecurity.ImplicitTls };
            await engine.RunAsync(() => GreetAsync(engine, validator, deadline.Token), deadline.Token, options.ConnectTimeout).ConfigureAwait(false);
            return engine;
        }
        catch (Exception e)
        {
            if (engine is not null)
            {
                await engine.DisposeAsync().ConfigureAwait(false);
            }

            tcp.Dispose();
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new ImapTimeoutException($"connecting to {options.Host}:{options.Port} took longer than {options.ConnectTimeout.TotalSeconds:0.#} s");
            }

            if (e is SocketException or IOException)
            {
                throw new ImapConnectionLostException($"cannot connect to {options.Host}:{options.Port}: {e.Message}", innerException: e);
            }

            throw;
        }
    }

    private static async Task<bool> GreetAsync(ImapEngine engine, ImapCertificateValidator? validator, CancellationToken cancellationToken)
    {
        var greeting = await ReadGreetingAsync(engine).ConfigureAwait(false);
        if (greeting.Is("PREAUTH"))
        {
            // RFC 3501 §6.2.1: STARTTLS is only possible before authentication; a PREAUTH on a
            // plain connection would leave everything that follows unencrypted.
            if (engine.Options.Security == ImapSecurity.StartTls)
            {
                throw new ImapSecurityException("the server greeted with PREAUTH on a plain connection, so STARTTLS is impossible");
            }

            engine.State = ImapClientState.Authenticated;
        }

        if (engine.Capabilities == ImapCapabilities.None)
        {
            await RequestCapabilitiesAsync(engine).ConfigureAwait(false);
        }

        if (engine.Options.Security == ImapSecurity.StartTls)
        {
            if (!engine.Capabilities.StartTls)
            {
                throw new ImapSecurityException("the server does not offer STARTTLS; refusing to continue without TLS");
            }

            (await engine.ExecuteAsync(new ImapCommand(new ImapCommandBuilder("STARTTLS"))).ConfigureAwait(false)).EnsureOk("STARTTLS");
            if (engine.Reader.HasBufferedData)
            {
                // Bytes after the OK but before the handshake were not protected by TLS and
                // could be injected (CVE-2011-0411 style): refuse rather than process them.
                throw new ImapSecurityException("the server sent data after STARTTLS before the TLS handshake");
            }

            engine.Transport.Replace(await StartTlsAsync(engine.Transport.Stream, engine.Options, validator!, cancellationToken).ConfigureAwait(false));
            engine.IsEncrypted = true;

            // RFC 3501 §6.2.1: capabilities learned before TLS must be discarded.
            engine.Capabilities = ImapCapabilities.None;
            await RequestCapabilitiesAsync(engine).ConfigureAwait(false);
        }

        return true;
    }

    public static async Task RequestCapabilitiesAsync(ImapEngine engine) =>
        (await engine.ExecuteAsync(new ImapCommand(new ImapCommandBuilder("CAPABILITY"))).ConfigureAwait(false)).EnsureOk("CAPABILITY");

    private static async Task<ImapUntagged> ReadGreetingAsync(ImapEngine engine)
    {
        ImapUntagged? greeting = null;
        var command = new ImapCommand(new ImapCommandBuilder("greeting")) { Untagged = u => greeting ??= u };
        var (kind, _, _) = await engine.ReadResponseAsync(command, null).ConfigureAwait(false);
        if (kind != ImapResponseKind.Untagged || greeting is null || !(greeting.Is("OK") || greeting.Is("PREAUTH")))
        {
            throw new ImapProtocolException($"the server did not greet with OK or PREAUTH ({greeting?.Name ?? kind.ToString()})");
        }

        return greeting;
    }

    private static async Task<Stream> StartTlsAsync(Stream inner, ImapClientOptions options, ImapCertificateValidator validator, CancellationToken cancellationToken)
    {
        var tls = new SslStream(inner, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = options.Host,
                RemoteCertificateValidationCallback = validator.Validate,
            }, cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch (AuthenticationException e)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new ImapSecurityException($"TLS with {options.Host}:{options.Port} failed: {validator.Failure ?? e.Message}", e);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
