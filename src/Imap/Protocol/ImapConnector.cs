using System.Net.Sockets;
using MailTicketing.Transport;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// Opens a connection ready for login: TCP, TLS (implicit or STARTTLS), greeting and
/// capabilities, all within <see cref="ImapClientOptions.ConnectTimeout"/>.
/// </summary>
internal static class ImapConnector
{
    public static async Task<ImapEngine> ConnectAsync(ImapClientOptions options, CancellationToken cancellationToken)
    {
        var trust = options.Security == ImapSecurity.None ? null : CreateTrust(options);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout);
        TcpClient? tcp = null;
        ImapEngine? engine = null;
        try
        {
            tcp = await SecureChannel.ConnectTcpAsync(options.Host, options.Port, deadline.Token).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (options.Security == ImapSecurity.ImplicitTls)
            {
                stream = await StartTlsAsync(stream, options, trust!, deadline.Token).ConfigureAwait(false);
            }

            engine = new ImapEngine(stream, options, tcp) { IsEncrypted = options.Security == ImapSecurity.ImplicitTls };
            await engine.RunAsync(() => GreetAsync(engine, trust, deadline.Token), deadline.Token, options.ConnectTimeout).ConfigureAwait(false);
            return engine;
        }
        catch (Exception e)
        {
            if (engine is not null)
            {
                await engine.DisposeAsync().ConfigureAwait(false);
            }

            tcp?.Dispose();
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

    private static async Task<bool> GreetAsync(ImapEngine engine, CertificateTrust? trust, CancellationToken cancellationToken)
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

            engine.Transport.Replace(await StartTlsAsync(engine.Transport.Stream, engine.Options, trust!, cancellationToken).ConfigureAwait(false));
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

    private static CertificateTrust CreateTrust(ImapClientOptions options)
    {
        try
        {
            return CertificateTrust.Create(options.CaCertificateFile, options.PinnedCertificates);
        }
        catch (TransportSecurityException e)
        {
            throw new ImapSecurityException(e.Message, e);
        }
    }

    private static async Task<Stream> StartTlsAsync(Stream inner, ImapClientOptions options, CertificateTrust trust, CancellationToken cancellationToken)
    {
        try
        {
            return await SecureChannel.AuthenticateAsClientAsync(inner, options.Host, options.Port, trust, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportSecurityException e)
        {
            throw new ImapSecurityException(e.Message, e);
        }
    }
}
