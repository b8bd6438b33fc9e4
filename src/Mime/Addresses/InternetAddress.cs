namespace MailTicketing.Mime;

/// <summary>An address in an address header: a mailbox or a group (RFC 5322 §3.4).</summary>
public abstract class InternetAddress
{
    protected InternetAddress(string? name)
    {
        Name = string.IsNullOrWhiteSpace(name) ? null : name;
    }

    /// <summary>The decoded display name, or null when there is none.</summary>
    public string? Name { get; }
}
