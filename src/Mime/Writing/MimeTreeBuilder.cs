using System.Text;

namespace MailTicketing.Mime.Writing;

/// <summary>
/// Chooses the MIME structure (RFC 2046): text/plain alone; text and HTML as
/// multipart/alternative (plain first, richest last, §5.1.4); inline images as multipart/related
/// around the HTML (RFC 2387); other attachments under multipart/mixed.
/// </summary>
internal static class MimeTreeBuilder
{
    private const string BoundaryPrefix = "=_mt_";

    public static MimeNode Build(OutgoingMessage message)
    {
        // "=_" never occurs in quoted-printable or base64 output, and every text or attachment part
        // is written in one of those, so a boundary with that prefix cannot clash with content.
        // All boundaries have the same length and differ, so none is a prefix of another.
        var boundaries = new HashSet<string>(StringComparer.Ordinal);
        string NewBoundary()
        {
            string boundary;
            do
            {
                boundary = BoundaryPrefix + Base32Token.Create(15);
            }
            while (!boundaries.Add(boundary));
            return boundary;
        }

        var attachments = message.Attachments;
        if (attachments.Contains(null!))
        {
            throw new ArgumentException("The attachment list contains null.");
        }

        var related = message.HtmlBody is null ? [] : attachments.Where(a => a.Inline && a.ContentId is not null).ToList();
        var mixed = attachments.Where(a => !related.Contains(a)).ToList();

        var html = message.HtmlBody is null ? null : TextPart("html", message.HtmlBody);
        if (html is not null && related.Count > 0)
        {
            html = MimeNode.Multipart("related", [html, .. related.Select(AttachmentPart)], NewBoundary(), "text/html");
        }

        var text = message.TextBody is null ? null : TextPart("plain", message.TextBody);
        var body = (text, html) switch
        {
            (not null, not null) => MimeNode.Multipart("alternative", [text, html], NewBoundary()),
            (not null, null) => text,
            (null, not null) => html,
            _ => mixed.Count > 0 ? null : TextPart("plain", string.Empty),
        };

        if (mixed.Count == 0)
        {
            return body!;
        }

        List<MimeNode> parts = body is null ? [] : [body];
        parts.AddRange(mixed.Select(AttachmentPart));
        return MimeNode.Multipart("mixed", parts, NewBoundary());
    }

    internal static string NormalizeLineBreaks(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append("\r\n");
            }
            else if (c == '\n')
            {
                builder.Append("\r\n");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text is never sent as 8bit: quoted-printable keeps mostly-ASCII text readable, base64 is
    /// smaller once more than about one octet in six is non-ASCII (Chinese text is all of them).
    /// </summary>
    internal static bool PreferBase64(ReadOnlySpan<byte> utf8)
    {
        long nonAscii = utf8.Length - CountAscii(utf8);
        long quotedPrintable = utf8.Length + 2 * nonAscii;
        long base64 = (utf8.Length + 2) / 3 * 4;
        return quotedPrintable > base64;
    }

    private static int CountAscii(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if (b < 0x80)
            {
                count++;
            }
        }

        return count;
    }

    private static MimeNode TextPart(string subtype, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(NormalizeLineBreaks(text));
        var base64 = PreferBase64(utf8);
        var mimeType = "text/" + subtype;
        var headers = new List<string>(ParameterWriter.Build("Content-Type", mimeType, ParameterWriter.Parameter("charset", "utf-8")))
        {
            "Content-Transfer-Encoding: " + (base64 ? "base64" : "quoted-printable"),
        };

        return MimeNode.Leaf(mimeType, headers, base64
            ? sink => Base64Writer.Write(utf8, sink)
            : sink => QuotedPrintableWriter.Write(utf8, sink));
    }

    private static MimeNode AttachmentPart(OutgoingAttachment attachment)
    {
        var typeParameters = attachment.Media.Parameters.SelectMany(p => ParameterWriter.Parameter(p.Key, p.Value)).ToList();
        var dispositionParameters = new List<string[]>();
        if (attachment.FileName is { } fileName)
        {
            // RFC 2231 filename for modern readers, plus the old name= on Content-Type for Outlook.
            typeParameters.AddRange(MimeSyntax.IsPrintableAsciiOrSpace(fileName)
                ? ParameterWriter.Parameter("name", fileName, quote: true)
                : ParameterWriter.EncodedWordsInQuotes("name", fileName));
            dispositionParameters.AddRange(ParameterWriter.Parameter("filename", fileName, quote: true));
        }

        var headers = new List<string>();
        headers.AddRange(ParameterWriter.Build("Content-Type", attachment.Media.MimeType, typeParameters));
        headers.AddRange(ParameterWriter.Build("Content-Disposition", attachment.Inline ? "inline" : "attachment", dispositionParameters));
        headers.Add("Content-Transfer-Encoding: base64");
        if (attachment.ContentId is { } contentId)
        {
            var field = new HeaderFolder("Content-ID");
            field.AppendToken("<" + contentId + ">");
            headers.AddRange(field.ToLines());
        }

        return MimeNode.Leaf(attachment.Media.MimeType, headers, attachment.WriteBase64);
    }
}
