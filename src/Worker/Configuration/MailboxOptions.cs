namespace MailTicketing.Worker.Configuration;

/// <summary>One mailbox in configuration ("MailTicketing:Mailboxes:N").</summary>
public sealed class MailboxOptions
{
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string TicketPrefix { get; set; } = "";
    public string? DisplayName { get; set; }

    /// <summary>First-response time promised in acknowledgements.</summary>
    public TimeSpan ResponseTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A Maildir folder (with cur/ and new/) to read this mailbox from; relative paths are from the working directory.</summary>
    public string? Maildir { get; set; }

    /// <summary>An IMAP account to read this mailbox from (instead of a Maildir).</summary>
    public ImapMailboxOptions? Imap { get; set; }
}
