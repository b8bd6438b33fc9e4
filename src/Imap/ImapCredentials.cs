using MailTicketing.Transport;

namespace MailTicketing.Imap;

/// <summary>
/// Who to log in as: a password, or an OAuth token provider (XOAUTH2).
/// <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class ImapCredentials
{
    private ImapCredentials(string userName, string? password, IAccessTokenProvider? tokenProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        UserName = userName;
        Password = password;
        TokenProvider = tokenProvider;
    }

    public string UserName { get; }

    internal string? Password { get; }

    internal IAccessTokenProvider? TokenProvider { get; }

    public static ImapCredentials FromPassword(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new ImapCredentials(userName, password, null);
    }

    public static ImapCredentials FromAccessToken(string userName, IAccessTokenProvider tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        return new ImapCredentials(userName, null, tokenProvider);
    }

    public override string ToString() => TokenProvider is null ? $"{UserName} (password)" : $"{UserName} (OAuth token)";
}
