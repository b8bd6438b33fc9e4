namespace MailTicketing.Imap.Protocol;

/// <summary>The tagged response that ends a command.</summary>
internal sealed record ImapCompletion(ImapResponseStatus Status, ImapResponseCode? Code, string Text)
{
    public bool IsOk => Status == ImapResponseStatus.Ok;

    /// <summary>Throws <see cref="ImapCommandException"/> unless the status is OK.</summary>
    public ImapCompletion EnsureOk(string command) =>
        IsOk ? this : throw new ImapCommandException(command, Status, Code?.Name, Text);
}
