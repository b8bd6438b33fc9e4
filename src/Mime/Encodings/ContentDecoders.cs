namespace MailTicketing.Mime.Encodings;

/// <summary>Maps Content-Transfer-Encoding values to decoders.</summary>
public static class ContentDecoders
{
    /// <summary>Parses a Content-Transfer-Encoding value tolerantly (case, whitespace, x- aliases).</summary>
    public static ContentEncoding ParseEncoding(string? value) => throw new NotImplementedException();

    /// <summary>A new decoder for the encoding, or null where the content passes through unchanged.</summary>
    public static IContentDecoder? Create(ContentEncoding encoding) => throw new NotImplementedException();
}
