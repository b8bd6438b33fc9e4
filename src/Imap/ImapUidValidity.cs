using System.Globalization;

namespace MailTicketing.Imap;

/// <summary>
/// The UIDVALIDITY of a mailbox (RFC 3501 §2.3.1.1). UIDs are only comparable while it stays
/// the same: when it changes, every UID remembered for the mailbox is meaningless.
/// </summary>
public readonly record struct ImapUidValidity(uint Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
