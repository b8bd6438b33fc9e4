namespace MailTicketing.Mime;

/// <summary>One mailbox: an optional display name and an addr-spec.</summary>
public sealed class MailboxAddress : InternetAddress, IEquatable<MailboxAddress>
{
    public MailboxAddress(string? name, string address)
        : base(name)
    {
        Address = address;
    }

    /// <summary>The addr-spec as written (local part kept, domain lower-cased by the parser).</summary>
    public string Address { get; }

    public string LocalPart => Address.LastIndexOf('@') is var at and >= 0 ? Address[..at] : Address;

    public string Domain => Address.LastIndexOf('@') is var at and >= 0 ? Address[(at + 1)..] : string.Empty;

    /// <summary>Mailboxes are equal when their addresses are, ignoring case (as mail systems do in practice).</summary>
    public bool Equals(MailboxAddress? other) =>
        other is not null && Address.Equals(other.Address, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as MailboxAddress);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Address);

    public override string ToString() => Name is null ? Address : $"{Name} <{Address}>";
}
