namespace MailTicketing.Imap.Protocol;

/// <summary>
/// An untagged response read generically: "* 23 EXISTS", "* SEARCH 2 3", "* OK [UIDNEXT 4] ...".
/// Status responses (OK, NO, BAD, BYE, PREAUTH) carry a code and text instead of values.
/// </summary>
internal sealed record ImapUntagged(string Name, uint? Number, IReadOnlyList<ImapValue> Values, ImapResponseCode? Code = null, string? Text = null)
{
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
