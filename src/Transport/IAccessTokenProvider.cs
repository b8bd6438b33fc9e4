namespace MailTicketing.Transport;

/// <summary>
/// Supplies OAuth 2.0 access tokens for XOAUTH2 (Microsoft 365, Gmail) to the IMAP and SMTP
/// clients alike, so one implementation serves both. The provider caches and refreshes; a
/// client asks once per login, asks again with forceRefresh after the server refused a token,
/// and never logs one.
/// </summary>
public interface IAccessTokenProvider
{
    /// <param name="userName">The mailbox the token is for.</param>
    /// <param name="forceRefresh">True after the server refused the previous token.</param>
    ValueTask<string> GetAccessTokenAsync(string userName, bool forceRefresh, CancellationToken cancellationToken);
}
