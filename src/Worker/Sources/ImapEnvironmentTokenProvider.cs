using MailTicketing.Imap;

namespace MailTicketing.Worker.Sources;

/// <summary>
/// XOAUTH2 tokens from an environment variable, read at every login so that whatever refreshes
/// the token (a sidecar, a scheduler) is picked up without a restart.
/// </summary>
internal sealed class ImapEnvironmentTokenProvider(string variable) : IAccessTokenProvider
{
    public ValueTask<string> GetAccessTokenAsync(string userName, bool forceRefresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Environment.GetEnvironmentVariable(variable) is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException($"The environment variable {variable} holding the access token for {userName} is not set."));
}
