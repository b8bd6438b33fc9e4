namespace MailTicketing.Mime;

/// <summary>A named group of mailboxes ("undisclosed-recipients:;" is a group with none).</summary>
public sealed class GroupAddress : InternetAddress
{
    public GroupAddress(string? name, IReadOnlyList<MailboxAddress> members)
        : base(name)
    {
        Members = members;
    }

    public IReadOnlyList<MailboxAddress> Members { get; }

    public override string ToString() => $"{Name}: {string.Join(", ", Members)};";
}
