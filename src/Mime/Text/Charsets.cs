using System.Text;

namespace MailTicketing.Mime.Text;

/// <summary>Charset lookup with the aliases real mailers use, and text decoding with a clear fallback.</summary>
public static class Charsets
{
    /// <summary>The encoding for a MIME charset label, or null when it is unknown.</summary>
    public static Encoding? Find(string? label) => throw new NotImplementedException();

    /// <summary>
    /// Decodes body or header bytes. Tries the declared charset; when it is missing, unknown or
    /// evidently wrong, falls back (UTF-8 first, then a guess) and says so in the result.
    /// </summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset) => throw new NotImplementedException();
}
