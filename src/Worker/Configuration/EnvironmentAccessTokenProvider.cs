using MailTicketing.Transport;

namespace MailTicketing.Worker.Configuration;

/// <summary>
/// An XOAUTH2 token (IMAP and SMTP logins) taken from an environment variable at each login, so whatever refreshes the
/// token (a sidecar, a scheduled job) only has to update the variable's source and restart or
/// re-export; the worker itself holds no OAuth client secret.
/// </summary>
internal sealed class EnvironmentAccessTokenProvider(string variable) : IAccessTokenProvider
{
    public ValueTask<string> GetAccessTokenAsync(string userName, bool forceRefresh, CancellationToken cancellationToken) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } token
            ? ValueTask.FromResult(token)
            : throw new InvalidOperationException($"The environment variable {variable} holds no access token.");
}
