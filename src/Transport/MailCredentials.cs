namespace MailTicketing.Transport;

/// <summary>
/// Who to log in as, for IMAP and SMTP alike: a password (PLAIN, else LOGIN) or an OAuth
/// token provider (XOAUTH2).
/// <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class MailCredentials
{
    private MailCredentials(string userName, string? password, IAccessTokenProvider? tokenProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        UserName = userName;
        Password = password;
        TokenProvider = tokenProvider;
    }

    public string UserName { get; }

    internal string? Password { get; }

    internal IAccessTokenProvider? TokenProvider { get; }

    public static MailCredentials FromPassword(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new MailCredentials(userName, password, null);
    }

    public static MailCredentials FromAccessToken(string userName, IAccessTokenProvider tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        return new MailCredentials(userName, null, tokenProvider);
    }

    public override string ToString() => TokenProvider is null ? $"{UserName} (password)" : $"{UserName} (OAuth token)";
}
