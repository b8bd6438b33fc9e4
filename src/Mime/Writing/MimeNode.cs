namespace MailTicketing.Mime.Writing;

/// <summary>One entity of the message being written: its Content-* header lines and its body.</summary>
internal sealed class MimeNode
{
    private readonly Action<AsciiSink>? _writeBody;
    private readonly string? _boundary;
    private readonly IReadOnlyList<MimeNode> _children;

    private MimeNode(string contentType, IReadOnlyList<string> headers, Action<AsciiSink>? writeBody, string? boundary, IReadOnlyList<MimeNode> children)
    {
        ContentType = contentType;
        Headers = headers;
        _writeBody = writeBody;
        _boundary = boundary;
        _children = children;
    }

    public string ContentType { get; }

    /// <summary>Physical header lines, already folded, without line terminators.</summary>
    public IReadOnlyList<string> Headers { get; }

    public static MimeNode Leaf(string contentType, IReadOnlyList<string> headers, Action<AsciiSink> writeBody) =>
        new(contentType, headers, writeBody, null, []);

    public static MimeNode Multipart(string subtype, IReadOnlyList<MimeNode> children, string boundary, string? rootType = null)
    {
        List<string[]> parameters = [];
        if (rootType is not null)
        {
            // RFC 2387 §3.1: multipart/related names the type of its root (first) part.
            parameters.AddRange(ParameterWriter.Parameter("type", rootType));
        }

        parameters.AddRange(ParameterWriter.Parameter("boundary", boundary));
        var contentType = "multipart/" + subtype;
        return new(contentType, ParameterWriter.Build("Content-Type", contentType, parameters), null, boundary, children);
    }

    /// <summary>
    /// Writes the body. Every body ends with a line break; the CRLF before a delimiter line belongs
    /// to the delimiter (RFC 2046 §5.1.1), so the content itself does not gain a trailing newline.
    /// </summary>
    public void WriteBody(AsciiSink sink)
    {
        if (_boundary is null)
        {
            _writeBody!(sink);
            return;
        }

        // No preamble: RFC 2046 tells readers to ignore it, and there is nothing useful to put there.
        foreach (var child in _children)
        {
            sink.WriteLine("--" + _boundary);
            foreach (var line in child.Headers)
            {
                sink.WriteLine(line);
            }

            sink.WriteLine();
            child.WriteBody(sink);
        }

        sink.WriteLine("--" + _boundary + "--");
    }
}
