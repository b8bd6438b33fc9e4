using System.Text;
using MailTicketing.Mime.Encodings;
using MailTicketing.Mime.Html;
using MailTicketing.Mime.IO;
using MailTicketing.Mime.Text;

namespace MailTicketing.Mime;

/// <summary>
/// Chooses a message's text and HTML bodies and its attachments. In multipart/alternative the
/// plain child gives the text and the last HTML child the HTML; elsewhere every inline text
/// part counts (Apple Mail splits a body around inline images). Uuencoded files inside text
/// become attachments.
/// </summary>
internal sealed class MessageBodies
{
    [Flags]
    private enum Want
    {
        None = 0,
        Text = 1,
        Html = 2,
    }

    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public string? Text { get; private set; }
    public bool TextFromHtml { get; private set; }
    public string? Html { get; private set; }
    public MimePart? TextPart { get; private set; }
    public MimePart? HtmlPart { get; private set; }
    public List<MimeEntity> Attachments { get; } = [];
    public List<MimePart> SyntheticParts { get; } = [];
    public List<MimeDefect> Defects { get; } = [];

    public static MessageBodies Select(MimeMessage message)
    {
        var bodies = new MessageBodies();
        bodies.Walk(message.Body, Want.Text | Want.Html, isRoot: true);
        bodies.Html = bodies._html.Length > 0 ? bodies._html.ToString() : null;
        if (bodies._text.Length > 0 || bodies.TextPart is not null)
        {
            bodies.Text = bodies._text.ToString();
        }
        else if (bodies.Html is not null)
        {
            bodies.Text = HtmlToText.Convert(bodies.Html);
            bodies.TextFromHtml = true;
        }

        return bodies;
    }

    private void Walk(MimeEntity entity, Want want, bool isRoot)
    {
        switch (entity)
        {
            case Multipart { ContentType.MediaSubtype: "alternative" } alternative:
                WalkAlternative(alternative, want);
                break;
            case Multipart multipart:
                foreach (var child in multipart.Children)
                {
                    Walk(child, want, isRoot: false);
                }

                break;
            case MimePart part when IsBody(part, isRoot):
                if (part.ContentType.MediaSubtype == "html")
                {
                    if (want.HasFlag(Want.Html))
                    {
                        HtmlPart ??= part;
                        Append(_html, Decode(part));
                    }
                }
                else if (want.HasFlag(Want.Text))
                {
                    TextPart ??= part;
                    Append(_text, ExtractUuencoded(Unflow(part, Decode(part))));
                }

                break;
            default:
                Attachments.Add(entity);
                break;
        }
    }

    private void WalkAlternative(Multipart alternative, Want want)
    {
        var children = alternative.Children;
        var textChild = children.FirstOrDefault(c => Provides(c, "plain"));
        var htmlChild = children.LastOrDefault(c => Provides(c, "html"));
        foreach (var child in children)
        {
            var childWant = Want.None;
            if (child == textChild)
            {
                childWant |= want & Want.Text;
            }

            if (child == htmlChild)
            {
                childWant |= want & Want.Html;
            }

            if (childWant != Want.None)
            {
                Walk(child, childWant, isRoot: false);
            }
            else if (!(child is MimePart part && part.IsText && !part.IsDeclaredAttachment))
            {
                // Other text renderings (text/enriched, the unchosen HTML) are the same content again;
                // anything else (a calendar invitation, say) is something the customer sent.
                Walk(child, Want.None, isRoot: false);
            }
        }
    }

    private static bool Provides(MimeEntity entity, string subtype) => entity switch
    {
        MimePart part => IsBody(part, isRoot: false) && part.ContentType.MediaSubtype == subtype,
        Multipart multipart => multipart.Children.Any(c => Provides(c, subtype)),
        _ => false,
    };

    private static bool IsBody(MimePart part, bool isRoot) =>
        (IsUnsplitMultipart(part) || (part.ContentType.MediaType == "text" && part.ContentType.MediaSubtype is "plain" or "html"))
        && !part.IsDeclaredAttachment
        && (isRoot || part.FileName is null || part.ContentDisposition?.IsInline == true);

    /// <summary>
    /// A leaf typed multipart/* is a multipart the parser could not split (no boundary, or one
    /// that never opens a part): its content is what the sender wrote, read as plain text.
    /// </summary>
    private static bool IsUnsplitMultipart(MimePart part) => part.ContentType.MediaType == "multipart";

    private string Decode(MimePart part)
    {
        var decoded = part.GetText();
        var declared = part.ContentType.Charset;
        var worthReporting = decoded.Fallback switch
        {
            CharsetFallback.UnknownCharset or CharsetFallback.DeclaredCharsetWrong => true,
            CharsetFallback.Undeclared => decoded.Charset is not ("utf-8" or "us-ascii"),
            _ => false,
        };
        if (worthReporting)
        {
            Defects.Add(new MimeDefect(
                MimeDefectKind.CharsetFallback,
                part.Offset,
                $"{part.ContentType.MimeType} declared '{declared ?? "none"}' ({decoded.Fallback}); read as {decoded.Charset}"));
        }

        return NormalizeLineBreaks(decoded.Text);
    }

    /// <summary>RFC 3676 format=flowed: a line ending in a space continues on the next line.</summary>
    private static string Unflow(MimePart part, string text)
    {
        if (!string.Equals(part.ContentType.Parameters["format"], "flowed", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var deleteSpace = string.Equals(part.ContentType.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase);
        var result = new StringBuilder(text.Length);
        var lines = text.Split('\n');

        // After a final line break, Split yields an empty piece that is no line.
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        var endsWithBreak = false;
        for (var i = 0; i < count; i++)
        {
            // Space-stuffing (§4.4) protects lines starting with a space, "From " or ">".
            var line = lines[i].StartsWith(' ') ? lines[i][1..] : lines[i];
            var isSignatureSeparator = line == "-- ";
            if (line.EndsWith(' ') && !isSignatureSeparator)
            {
                result.Append(deleteSpace ? line[..^1] : line);
                endsWithBreak = false;
            }
            else
            {
                result.Append(line).Append('\n');
                endsWithBreak = true;
            }
        }

        // A last line without a break in the input gets none in the output.
        if (endsWithBreak && !text.EndsWith('\n'))
        {
            result.Length--;
        }

        return result.ToString();
    }

    private string ExtractUuencoded(string text)
    {
        var blocks = UuencodedBlocks.Find(text);
        if (blocks.Count == 0)
        {
            return text;
        }

        var remaining = new StringBuilder(text.Length);
        var position = 0;
        foreach (var block in blocks)
        {
            remaining.Append(text, position, block.Start - position);
            position = block.Start + block.Length;
            var parameters = new ParameterList();
            parameters.TryAdd("filename", block.FileName);
            var part = new MimePart(new HeaderList(), new ContentType("application", "octet-stream"), PartContent.FromBytes(block.Content))
            {
                ContentDisposition = new ContentDisposition("attachment", parameters),
                TransferEncoding = ContentEncoding.UUEncode,
            };
            SyntheticParts.Add(part);
            Attachments.Add(part);
        }

        remaining.Append(text, position, text.Length - position);
        return remaining.ToString();
    }

    private static void Append(StringBuilder target, string text)
    {
        if (target.Length > 0 && target[^1] != '\n')
        {
            target.Append('\n');
        }

        target.Append(text);
    }

    private static string NormalizeLineBreaks(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
}
