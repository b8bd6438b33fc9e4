using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MailTicketing.Imap;

/// <summary>
/// A message's unique identifier within one mailbox and one <see cref="ImapUidValidity"/>
/// (RFC 3501 §2.3.1.1): a non-zero 32-bit number that only grows.
/// </summary>
public readonly record struct ImapUid : IComparable<ImapUid>
{
    public ImapUid(uint value)
    {
        ArgumentOutOfRangeException.ThrowIfZero(value);
        Value = value;
    }

    public uint Value { get; }

    public static ImapUid MinValue { get; } = new(1);

    public static ImapUid MaxValue { get; } = new(uint.MaxValue);

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out ImapUid? uid)
    {
        uid = uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value != 0 ? new ImapUid(value) : null;
        return uid is not null;
    }

    public static ImapUid Parse(string text) =>
        TryParse(text, out var uid) ? uid.Value : throw new FormatException($"'{text}' is not an IMAP UID");

    public int CompareTo(ImapUid other) => Value.CompareTo(other.Value);

    public static bool operator <(ImapUid left, ImapUid right) => left.Value < right.Value;

    public static bool operator >(ImapUid left, ImapUid right) => left.Value > right.Value;

    public static bool operator <=(ImapUid left, ImapUid right) => left.Value <= right.Value;

    public static bool operator >=(ImapUid left, ImapUid right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
