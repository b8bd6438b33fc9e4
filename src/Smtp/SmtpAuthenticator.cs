using System.Text;
using MailTicketing.Transport;

namespace MailTicketing.Smtp;

/// <summary>
/// AUTH (RFC 4954) with PLAIN (RFC 4616), LOGIN and XOAUTH2. Secrets go over the wire only;
/// the protocol log sees "********" instead.
/// </summary>
internal static class SmtpAuthenticator
{
    private const string Hidden = ProtocolLog.Mask;

    public static async Task AuthenticateAsync(SmtpConnection connection, SmtpCapabilities capabilities, MailCredentials credentials, SmtpClientOptions options, CancellationToken cancellationToken)
    {
        var timeout = options.CommandTimeout;
        if (credentials.TokenProvider is { } provider)
        {
            Require(capabilities, "XOAUTH2");
            var token = await provider.GetAccessTokenAsync(credentials.UserName, forceRefresh: false, cancellationToken).ConfigureAwait(false);
            var reply = await XOAuth2Async(connection, credentials.UserName, token, timeout, cancellationToken).ConfigureAwait(false);
            if (reply.Code == 535)
            {
                // An expired token is the common cause: one more try with a fresh one.
                token = await provider.GetAccessTokenAsync(credentials.UserName, forceRefresh: true, cancellationToken).ConfigureAwait(false);
                reply = await XOAuth2Async(connection, credentials.UserName, token, timeout, cancellationToken).ConfigureAwait(false);
            }

            Check("XOAUTH2", reply);
            return;
        }

        var password = credentials.Password!;
        var mechanism = options.PasswordMechanisms.Select(m => m.ToUpperInvariant()).FirstOrDefault(capabilities.AuthMechanisms.Contains);
        if (mechanism is not ("PLAIN" or "LOGIN"))
        {
            var offered = capabilities.AuthMechanisms.Count == 0 ? "none" : string.Join(' ', capabilities.AuthMechanisms);
            throw new SmtpSecurityException($"no usable AUTH mechanism: configured {string.Join(' ', options.PasswordMechanisms)}, offered {offered}");
        }

        if (mechanism == "PLAIN")
        {
            var plain = Base64("\0" + credentials.UserName + "\0" + password);
            await connection.WriteCommandAsync("AUTH PLAIN " + plain, timeout, cancellationToken, "AUTH PLAIN " + Hidden).ConfigureAwait(false);
            Check("PLAIN", await connection.ReadReplyAsync(timeout, cancellationToken).ConfigureAwait(false));
            return;
        }

        await connection.WriteCommandAsync("AUTH LOGIN", timeout, cancellationToken).ConfigureAwait(false);
        var step = await connection.ReadReplyAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (step.Code == 334)
        {
            await connection.WriteCommandAsync(Base64(credentials.UserName), timeout, cancellationToken, Hidden).ConfigureAwait(false);
            step = await connection.ReadReplyAsync(timeout, cancellationToken).ConfigureAwait(false);
            if (step.Code == 334)
            {
                await connection.WriteCommandAsync(Base64(password), timeout, cancellationToken, Hidden).ConfigureAwait(false);
                step = await connection.ReadReplyAsync(timeout, cancellationToken).ConfigureAwait(false);
            }
        }

        Check("LOGIN", step);
    }

    private static async Task<SmtpReply> XOAuth2Async(SmtpConnection connection, string user, string token, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var argument = Base64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
        await connection.WriteCommandAsync("AUTH XOAUTH2 " + argument, timeout, cancellationToken, "AUTH XOAUTH2 " + Hidden).ConfigureAwait(false);
        var reply = await connection.ReadReplyAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (reply.Code == 334)
        {
            // The challenge carries a JSON error; an empty line ends the exchange and the
            // server then sends the real failure (535 or 454).
            await connection.WriteCommandAsync("", timeout, cancellationToken).ConfigureAwait(false);
            reply = await connection.ReadReplyAsync(timeout, cancellationToken).ConfigureAwait(false);
        }

        return reply;
    }

    private static void Require(SmtpCapabilities capabilities, string mechanism)
    {
        if (!capabilities.AuthMechanisms.Contains(mechanism))
        {
            var offered = capabilities.AuthMechanisms.Count == 0 ? "none" : string.Join(' ', capabilities.AuthMechanisms);
            throw new SmtpSecurityException($"the server does not offer AUTH {mechanism} (offered: {offered})");
        }
    }

    private static void Check(string mechanism, SmtpReply reply)
    {
        if (reply.Code != 235)
        {
            throw new SmtpAuthenticationException(mechanism, reply);
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
