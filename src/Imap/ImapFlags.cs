namespace MailTicketing.Imap;

/// <summary>The system flags of RFC 3501 §2.3.2.</summary>
public static class ImapFlags
{
    public const string Seen = "\\Seen";
    public const string Answered = "\\Answered";
    public const string Flagged = "\\Flagged";
    public const string Deleted = "\\Deleted";
    public const string Draft = "\\Draft";
}
