namespace MailTicketing.Mime.Writing;

/// <summary>A validated "type/subtype; param=value" given by a caller for an attachment.</summary>
internal sealed class MediaTypeSpec
{
    private MediaTypeSpec(string mimeType, List<KeyValuePair<string, string>> parameters)
    {
        MimeType = mimeType;
        Parameters = parameters;
    }

    public string MimeType { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    public static MediaTypeSpec Parse(string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        var pieces = contentType.Split(';');
        var slash = pieces[0].IndexOf('/');
        var type = slash < 0 ? string.Empty : pieces[0][..slash].Trim();
        var subtype = slash < 0 ? string.Empty : pieces[0][(slash + 1)..].Trim();
        if (!MimeSyntax.IsToken(type) || !MimeSyntax.IsToken(subtype))
        {
            throw new ArgumentException($"'{contentType}' is not a media type (type/subtype).", nameof(contentType));
        }

        type = type.ToLowerInvariant();

        // Composite types cannot be base64 encoded (RFC 2045 §6.4, RFC 2046 §5.2.1) and this writer
        // does not build them from bytes.
        if (type is "multipart" or "message")
        {
            throw new ArgumentException($"Attachments of type {type}/* are not supported.", nameof(contentType));
        }

        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var piece in pieces.AsSpan(1))
        {
            var equals = piece.IndexOf('=');
            var name = equals < 0 ? string.Empty : piece[..equals].Trim().ToLowerInvariant();
            var value = equals < 0 ? string.Empty : piece[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            if (!MimeSyntax.IsToken(name) || name.Contains('*') || value.Length == 0
                || !MimeSyntax.IsPrintableAsciiOrSpace(value) || value.AsSpan().IndexOfAny('"', '\\') >= 0)
            {
                throw new ArgumentException($"'{piece.Trim()}' is not a simple parameter.", nameof(contentType));
            }

            if (name is "name" or "boundary" || parameters.Exists(p => p.Key == name))
            {
                throw new ArgumentException($"The parameter '{name}' is written by the writer or repeated.", nameof(contentType));
            }

            parameters.Add(new(name, value));
        }

        return new MediaTypeSpec(type + "/" + subtype.ToLowerInvariant(), parameters);
    }

    public override string ToString() =>
        Parameters.Count == 0 ? MimeType : MimeType + "; " + string.Join("; ", Parameters.Select(p => p.Key + "=" + p.Value));
}
