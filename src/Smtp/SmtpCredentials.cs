using MailTicketing.Transport;

namespace MailTicketing.Smtp;

/// <summary>
/// Who to log in as: a password (AUTH PLAIN, else LOGIN) or an OAuth token provider
/// (AUTH XOAUTH2). <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class SmtpCredentials
{
    private SmtpCredentials(string userName, string? password, IAccessTokenProvider? tokenProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        UserName = userName;
        Password = password;
        TokenProvider = tokenProvider;
    }

    public string UserName { get; }

    internal string? Password { get; }

    internal IAccessTokenProvider? TokenProvider { get; }

    public static SmtpCredentials FromPassword(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new SmtpCredentials(userName, password, null);
    }

    public static SmtpCredentials FromAccessToken(string userName, IAccessTokenProvider tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        return new SmtpCredentials(userName, null, tokenProvider);
    }

    public override string ToString() => TokenProvider is null ? $"{UserName} (password)" : $"{UserName} (OAuth token)";
}
