namespace MailTicketing.Smtp;

/// <summary>
/// Supplies OAuth 2.0 access tokens for XOAUTH2 (Microsoft 365, Gmail). The provider owns
/// caching and refresh; the client asks once per authentication and never logs the token.
/// </summary>
public interface IAccessTokenProvider
{
    /// <param name="userName">The mailbox the token is for.</param>
    /// <param name="forceRefresh">True after the server refused the previous token.</param>
    ValueTask<string> GetAccessTokenAsync(string userName, bool forceRefresh, CancellationToken cancellationToken);
}
