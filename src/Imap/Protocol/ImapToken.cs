namespace MailTicketing.Imap.Protocol;

/// <summary>One token of a server response. Atoms and quoted strings carry their text; a literal its length.</summary>
internal readonly record struct ImapToken(ImapTokenKind Kind, string? Text = null, long LiteralLength = 0)
{
    public bool IsAtom(string value) => Kind == ImapTokenKind.Atom && string.Equals(Text, value, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Kind switch
    {
        ImapTokenKind.Atom => Text!,
        ImapTokenKind.QuotedString => $"\"{Text}\"",
        ImapTokenKind.Literal => $"{{{LiteralLength}}}",
        ImapTokenKind.Nil => "NIL",
        ImapTokenKind.OpenParen => "(",
        ImapTokenKind.CloseParen => ")",
        ImapTokenKind.OpenBracket => "[",
        ImapTokenKind.CloseBracket => "]",
        ImapTokenKind.Asterisk => "*",
        _ => "end of line",
    };
}
