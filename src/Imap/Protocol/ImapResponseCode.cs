namespace MailTicketing.Imap.Protocol;

/// <summary>A bracketed response code (RFC 3501 §7.1), e.g. [UIDVALIDITY 3857529045] or [TRYCREATE].</summary>
internal sealed record ImapResponseCode(string Name, IReadOnlyList<ImapValue> Arguments)
{
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Arguments.Count == 0 ? Name : $"{Name} {string.Join(' ', Arguments)}";
}
