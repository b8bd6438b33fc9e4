using System.Text;
using MailTicketing.Transport;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// Logs in with the first method both sides allow: XOAUTH2 for token credentials; SASL PLAIN,
/// SASL LOGIN or the LOGIN command for passwords. Nothing is sent unencrypted unless the
/// options allow it, and no secret reaches the protocol log.
/// </summary>
internal static class ImapAuthenticator
{
    public static async Task AuthenticateAsync(ImapEngine engine, MailCredentials credentials, CancellationToken cancellationToken)
    {
        if (engine.State != ImapClientState.NotAuthenticated)
        {
            throw new InvalidOperationException($"cannot log in: the session is {engine.State}");
        }

        if (!engine.IsEncrypted && !engine.Options.AllowAuthenticationWithoutTls)
        {
            throw new ImapSecurityException("refusing to send credentials over a connection without TLS (set AllowAuthenticationWithoutTls only for loopback tests)");
        }

        var completion = credentials.TokenProvider is { } provider
            ? await XOAuth2Async(engine, credentials.UserName, provider, cancellationToken).ConfigureAwait(false)
            : await PasswordAsync(engine, credentials).ConfigureAwait(false);
        if (!completion.Completion.IsOk)
        {
            throw new ImapAuthenticationException(completion.Command, completion.Completion.Status, completion.Completion.Code?.Name, completion.Completion.Text);
        }

        engine.State = ImapClientState.Authenticated;

        // RFC 3501 §6.2.2/§6.2.3: capabilities may change with login; the OK may carry them.
        if (completion.Completion.Code?.Is("CAPABILITY") != true)
        {
            await ImapConnector.RequestCapabilitiesAsync(engine).ConfigureAwait(false);
        }
    }

    private static async Task<(string Command, ImapCompletion Completion)> PasswordAsync(ImapEngine engine, MailCredentials credentials)
    {
        var user = credentials.UserName;
        var password = credentials.Password!;
        var capabilities = engine.Capabilities;
        foreach (var method in engine.Options.PasswordMethods)
        {
            switch (method)
            {
                case ImapPasswordMethod.SaslPlain when capabilities.SupportsMechanism("PLAIN"):
                    var plain = Base64($"\0{user}\0{password}");
                    return ("AUTHENTICATE PLAIN", await SaslAsync(engine, "PLAIN", plain, _ => "*").ConfigureAwait(false));
                case ImapPasswordMethod.SaslLogin when capabilities.SupportsMechanism("LOGIN"):
                    var step = 0;
                    return ("AUTHENTICATE LOGIN", await SaslAsync(engine, "LOGIN", null, _ => step++ switch
                    {
                        0 => Base64(user),
                        1 => Base64(password),
                        _ => "*",
                    }).ConfigureAwait(false));
                case ImapPasswordMethod.LoginCommand when !capabilities.LoginDisabled:
                    var login = new ImapCommandBuilder("LOGIN").Raw(" ").AString(user).Raw(" ").AString(password, secret: true);
                    return ("LOGIN", await engine.ExecuteAsync(new ImapCommand(login)).ConfigureAwait(false));
            }
        }

        throw new ImapSecurityException($"none of the configured password methods ({string.Join(", ", engine.Options.PasswordMethods)}) is offered by the server ({capabilities})");
    }

    private static async Task<(string Command, ImapCompletion Completion)> XOAuth2Async(ImapEngine engine, string user, IAccessTokenProvider provider, CancellationToken cancellationToken)
    {
        if (!engine.Capabilities.SupportsMechanism("XOAUTH2"))
        {
            throw new ImapSecurityException($"the server does not offer AUTHENTICATE XOAUTH2 ({engine.Capabilities})");
        }

        ImapCompletion completion = null!;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var token = await provider.GetAccessTokenAsync(user, attempt > 0, cancellationToken).ConfigureAwait(false);
            var response = Base64($"user={user}\u0001auth=Bearer {token}\u0001\u0001");

            // On failure the server sends a base64 JSON error as a challenge; an empty line
            // acknowledges it and the NO follows (Google and Microsoft document this).
            completion = await SaslAsync(engine, "XOAUTH2", response, _ => "").ConfigureAwait(false);
            if (completion.IsOk || completion.Status == ImapResponseStatus.Bad)
            {
                break;
            }
        }

        return ("AUTHENTICATE XOAUTH2", completion);
    }

    private static async Task<ImapCompletion> SaslAsync(ImapEngine engine, string mechanism, string? initialResponse, Func<string, string> answer)
    {
        var builder = new ImapCommandBuilder("AUTHENTICATE").Raw(" " + mechanism);
        var sentInitial = false;
        if (initialResponse is not null && engine.Capabilities.SaslInitialResponse)
        {
            // RFC 4959 SASL-IR: the first answer rides on the command line.
            builder.Raw(" ").AString(initialResponse, secret: true);
            sentInitial = true;
        }

        var command = new ImapCommand(builder)
        {
            Continuation = challenge =>
            {
                if (initialResponse is not null && !sentInitial)
                {
                    sentInitial = true;
                    return ValueTask.FromResult(initialResponse);
                }

                return ValueTask.FromResult(answer(challenge));
            },
        };
        return await engine.ExecuteAsync(command).ConfigureAwait(false);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
