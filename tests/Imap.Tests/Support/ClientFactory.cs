using MailTicketing.Transport;
namespace MailTicketing.Imap.Tests.Support;

/// <summary>Client-side shortcuts for fake-server tests.</summary>
internal static class ClientFactory
{
    public static MailCredentials User => MailCredentials.FromPassword("user", "secret");

    /// <summary>Connects, logs in and selects INBOX (the client half of <see cref="FakeSession.GreetLoginSelectAsync"/>).</summary>
    public static async Task<ImapClient> SelectedAsync(ImapClientOptions options)
    {
        var client = await ImapClient.ConnectAsync(options, CancellationToken.None);
        await client.AuthenticateAsync(User, CancellationToken.None);
        await client.SelectAsync("INBOX", CancellationToken.None);
        return client;
    }
}
