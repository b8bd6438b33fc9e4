using MailTicketing.Imap;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Mime;
using MailTicketing.Transport;

namespace MailTicketing.Crash.Tests.Harness;

/// <summary>
/// What really arrived in a test user's INBOX on the shared Dovecot, read with our IMAP client:
/// the messages from a UID on (the mailbox's UIDNEXT when the run started), each with its
/// Message-ID, Subject and the earliest Received time (Postfix's, when it accepted the copy).
/// </summary>
internal static class DeliveredMail
{
    public sealed record Copy(string Login, ImapUid Uid, string? MessageId, string? Subject, DateTimeOffset? AcceptedAt);

    public static async Task<ImapClient> LoginAsync(string login)
    {
        var client = await ImapClient.ConnectAsync(MailServer.ImplicitTls(), CancellationToken.None);
        try
        {
            await client.AuthenticateAsync(MailCredentials.FromPassword(login, MailServer.Password), CancellationToken.None);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>The UID the next message of the INBOX will get: where this run's mail starts.</summary>
    public static async Task<ImapUid> UidNextAsync(string login)
    {
        await using var client = await LoginAsync(login);
        var info = await client.ExamineAsync("INBOX", CancellationToken.None);
        return info.UidNext ?? ImapUid.MinValue;
    }

    public static async Task<IReadOnlyList<Copy>> ReadAsync(string login, ImapUid from)
    {
        await using var client = await LoginAsync(login);
        await client.ExamineAsync("INBOX", CancellationToken.None);
        var copies = new List<Copy>();
        await client.FetchMessagesAsync(ImapUidSet.From(from), async (summary, stream, token) =>
        {
            // "n:*" always includes the newest message, even when its UID is below n.
            if (summary.Uid.Value < from.Value)
            {
                return;
            }

            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, token);
            using var message = MimeMessage.Parse(buffer.ToArray());
            var accepted = message.Headers.FindAll("Received")
                .Select(h => h.Value.LastIndexOf(';') is var semicolon and >= 0 && DateParser.TryParse(h.Value[(semicolon + 1)..], out var at) ? at : (DateTimeOffset?)null)
                .Where(at => at is not null)
                .Min() ?? summary.InternalDate;
            copies.Add(new Copy(login, summary.Uid, message.MessageId, message.Subject, accepted));
        }, CancellationToken.None);
        return copies;
    }

    /// <summary>Moves the given messages out of the INBOX into a folder and deletes it: the shared mailboxes do not grow run after run.</summary>
    public static async Task RemoveAsync(string login, IReadOnlyCollection<ImapUid> uids, string trash)
    {
        if (uids.Count == 0)
        {
            return;
        }

        await using var client = await LoginAsync(login);
        await client.SelectAsync("INBOX", CancellationToken.None);
        foreach (var chunk in uids.Chunk(500))
        {
            await client.MoveAsync(ImapUidSet.Of(chunk), trash, CancellationToken.None);
        }

        await client.DeleteMailboxAsync(trash, CancellationToken.None);
    }
}
