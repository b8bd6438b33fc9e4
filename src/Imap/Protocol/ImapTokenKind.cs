namespace MailTicketing.Imap.Protocol;

internal enum ImapTokenKind
{
    Atom,
    QuotedString,

    /// <summary>"{n}" and its line end: the next n bytes are the literal's content.</summary>
    Literal,
    Nil,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Asterisk,
    Eoln,
}
