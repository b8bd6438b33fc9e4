namespace MailTicketing.Mime;

internal enum AddressTokenKind : byte
{
    /// <summary>A run of atext, dots and 8-bit bytes; an encoded word is always one atom.</summary>
    Atom,
    QuotedString,
    Comment,
    DomainLiteral,

    /// <summary>One structural or stray character: &lt; &gt; @ , ; : and unbalanced " [ ] ) \.</summary>
    Special,
}

/// <summary>A token of an address header: its raw span and whether whitespace came before it.</summary>
internal readonly record struct AddressToken(AddressTokenKind Kind, int Start, int Length, bool SpaceBefore)
{
    public int End => Start + Length;

    public bool IsWord => Kind is AddressTokenKind.Atom or AddressTokenKind.QuotedString;

    public bool Is(ReadOnlySpan<byte> raw, byte c) => Kind == AddressTokenKind.Special && raw[Start] == c;
}
