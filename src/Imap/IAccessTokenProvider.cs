namespace MailTicketing.Imap;

/// <summary>
/// Supplies OAuth 2.0 access tokens for AUTHENTICATE XOAUTH2 (Microsoft 365, Gmail). The
/// provider caches and refreshes; the client asks once per login, asks again with
/// forceRefresh after the server refused a token, and never logs one.
/// Same shape as the SMTP client's provider, so one implementation can serve both.
/// </summary>
public interface IAccessTokenProvider
{
    /// <param name="userName">The mailbox the token is for.</param>
    /// <param name="forceRefresh">True after the server refused the previous token.</param>
    ValueTask<string> GetAccessTokenAsync(string userName, bool forceRefresh, CancellationToken cancellationToken);
}
