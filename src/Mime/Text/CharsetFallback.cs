namespace MailTicketing.Mime.Text;

/// <summary>Why text was not decoded with its declared charset.</summary>
public enum CharsetFallback
{
    /// <summary>The declared charset was used.</summary>
    None,
    /// <summary>Nothing was declared; the charset was detected.</summary>
    Undeclared,
    /// <summary>The declared label is not a charset we know.</summary>
    UnknownCharset,
    /// <summary>The bytes are not valid in the declared charset; another one fitted.</summary>
    DeclaredCharsetWrong,
}
