namespace MailTicketing.Mime.Encodings;

/// <summary>Problems a tolerant decoder worked around; none of them stops decoding.</summary>
[Flags]
public enum DecodeIssues
{
    None = 0,
    /// <summary>Characters outside the encoding's alphabet were skipped.</summary>
    InvalidCharacters = 1,
    /// <summary>Base64 padding was missing, misplaced or the input ended mid-quantum.</summary>
    BadPadding = 2,
    /// <summary>A quoted-printable escape was not two hex digits and was kept literally.</summary>
    InvalidEscape = 4,
    /// <summary>Data continued after the encoding's end marker (base64 padding, uuencode "end").</summary>
    DataAfterEnd = 8,
    /// <summary>The input ended before the encoding's end marker (uuencode without "end").</summary>
    Truncated = 16,
}
