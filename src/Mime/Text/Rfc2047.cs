namespace MailTicketing.Mime.Text;

/// <summary>RFC 2047 encoded-word decoding of raw header values (which may still be folded).</summary>
public static class Rfc2047
{
    /// <summary>Decodes an unstructured value (Subject, Comments): unfolds, decodes encoded words anywhere, joins adjacent ones.</summary>
    public static string DecodeText(ReadOnlySpan<byte> raw, string? fallbackCharset = null) => throw new NotImplementedException();

    /// <summary>Decodes a phrase (a display name): encoded words must be whole atoms, quoted strings are unquoted.</summary>
    public static string DecodePhrase(ReadOnlySpan<byte> raw, string? fallbackCharset = null) => throw new NotImplementedException();
}
