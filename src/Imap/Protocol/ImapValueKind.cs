namespace MailTicketing.Imap.Protocol;

internal enum ImapValueKind
{
    Atom,

    /// <summary>A quoted string or a literal read as text.</summary>
    String,
    Nil,

    /// <summary>A parenthesised list.</summary>
    List,

    /// <summary>A bracketed part, e.g. the section of "BODY[HEADER]".</summary>
    Section,

    /// <summary>A literal too long to keep as text; only its length is known.</summary>
    SkippedLiteral,
}
