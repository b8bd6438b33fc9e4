namespace MailTicketing.Mime.Html;

/// <summary>
/// One conversion: a forward scanner over the markup that follows the HTML tokenizer where it
/// matters for text (tags, comments, raw-text elements, character references) and keeps no tree.
/// Every step moves forward, and the searches that can fail are memoised, so time is linear.
/// </summary>
internal sealed class HtmlConverter
{
    // What may surround a link's text in our output: spacing, a quote prefix, a cell separator.
    private static readonly char[] LinkTextTrim = [' ', '\t', '\n', '>', '|'];

    private readonly string _html;
    private readonly TextLayout _layout;
    private readonly ListNesting _lists = new();
    private readonly ForwardSearch _doubleQuote;
    private readonly ForwardSearch _singleQuote;
    private readonly MarkupSkipper _skip;
    private int _preDepth;
    private bool _tightParagraph;
    private string? _anchorHref;
    private int _anchorStart;

    public HtmlConverter(string html)
    {
        _html = html;
        _layout = new TextLayout(html.Length / 2);
        _doubleQuote = new ForwardSearch(html, "\"");
        _singleQuote = new ForwardSearch(html, "'");
        _skip = new MarkupSkipper(html);
    }

    public string Convert()
    {
        var i = 0;
        while (i < _html.Length)
        {
            var lt = _html.IndexOf('<', i);
            if (lt < 0)
            {
                EmitText(i, _html.Length);
                break;
            }

            EmitText(i, lt);
            i = Markup(lt);
        }

        CloseAnchor();
        return _layout.ToString();
    }

    private int Markup(int lt)
    {
        var next = lt + 1 < _html.Length ? _html[lt + 1] : '\0';
        if (char.IsAsciiLetter(next))
        {
            return StartTag(lt + 1);
        }

        switch (next)
        {
            case '!':
                return _skip.Comment(lt);
            case '?':
                return _skip.Past('>', lt + 2);
            case '/':
                var after = lt + 2 < _html.Length ? _html[lt + 2] : '\0';
                if (char.IsAsciiLetter(after))
                {
                    return EndTag(lt + 2);
                }

                // "</>" is dropped; "</ x>" is a bogus comment (HTML tokenizer, end tag open state).
                return after == '\0' ? EmitLiteral(lt, _html.Length) : _skip.Past('>', lt + 2);
            default:
                // "a < b", "<3": not markup.
                return EmitLiteral(lt, lt + 1);
        }
    }

    private int StartTag(int namePos)
    {
        if (!HtmlTag.TryRead(_html, namePos, _doubleQuote, _singleQuote, out var tag, out var end))
        {
            return end;
        }

        var name = tag.Name;
        switch (name)
        {
            case "a":
                CloseAnchor();
                if (HtmlTag.IsPresent(tag.Href))
                {
                    _anchorHref = Attribute(tag.Href);
                    _anchorStart = _layout.Position;
                }

                break;
            case "img":
                var alt = Attribute(tag.Alt).Trim();
                if (alt.Length > 0)
                {
                    _layout.Content("[" + alt + "]");
                }

                break;
            case "br":
                _layout.LineBreak();
                break;
            case "p":
                // Outlook writes every line as <p class=MsoNormal> with zero margins.
                _tightParagraph = HtmlTag.IsPresent(tag.Class)
                    && _html.AsSpan()[tag.Class].Contains("MsoNormal", StringComparison.OrdinalIgnoreCase);
                Paragraph();
                break;
            case "pre":
                _preDepth++;
                _layout.EnsureBlankLine();
                // A newline right after <pre> is not content (HTML "in body" insertion mode).
                end += _html.AsSpan(end).StartsWith("\r\n") ? 2 : _html.AsSpan(end).StartsWith("\n") ? 1 : 0;
                break;
            case "blockquote":
                _layout.EnsureBlankLine();
                _layout.QuoteDepth++;
                break;
            case "ul" or "ol":
                _layout.EnsureLineStart();
                _lists.Open(name is "ol", ParseStart(tag));
                break;
            case "li":
                ListItem();
                break;
            case "td" or "th":
                _layout.CellStart();
                break;
            case "head":
                return _skip.Head(end);
            case "script" or "style" or "title" or "template" or "xml" or "noframes" or "iframe" or "textarea":
                return _skip.RawText(name, end);
            default:
                if (HtmlElements.IsHeading(name) || name is "hr")
                {
                    _layout.EnsureBlankLine();
                }
                else if (HtmlElements.IsBlock(name))
                {
                    _layout.EnsureLineStart();
                }

                break;
        }

        return end;
    }

    private int EndTag(int namePos)
    {
        HtmlTag.TryRead(_html, namePos, _doubleQuote, _singleQuote, out var tag, out var end);
        var name = tag.Name;
        switch (name)
        {
            case "a":
                CloseAnchor();
                break;
            case "p":
                Paragraph();
                _tightParagraph = false;
                break;
            case "pre":
                _preDepth = Math.Max(0, _preDepth - 1);
                _layout.EnsureBlankLine();
                break;
            case "blockquote":
                _layout.QuoteDepth = Math.Max(0, _layout.QuoteDepth - 1);
                _layout.EnsureBlankLine();
                break;
            case "ul" or "ol":
                _lists.Close();

                _layout.EnsureLineStart();
                break;
            default:
                if (HtmlElements.IsHeading(name))
                {
                    _layout.EnsureBlankLine();
                }
                else if (name is "li" || HtmlElements.IsBlock(name))
                {
                    _layout.EnsureLineStart();
                }

                break;
        }

        return end;
    }

    private void Paragraph()
    {
        // Inside list items paragraphs would only spread the list out.
        if (_tightParagraph || _lists.Depth > 0)
        {
            _layout.EnsureLineStart();
        }
        else
        {
            _layout.EnsureBlankLine();
        }
    }

    private void ListItem()
    {
        _layout.EnsureLineStart();
        _layout.Prefix(_lists.NextMarker());
    }

    private void CloseAnchor()
    {
        if (_anchorHref is null)
        {
            return;
        }

        var url = LinkTargets.Unwrap(_anchorHref.Trim());
        _anchorHref = null;
        var text = _layout.TextSince(_anchorStart).Trim(LinkTextTrim);
        if (!LinkTargets.IsWorthShowing(url, text))
        {
            return;
        }

        if (text.Length == 0)
        {
            _layout.Content("<" + url + ">");
        }
        else
        {
            _layout.AppendToLast(" <" + url + ">");
        }
    }

    private int EmitLiteral(int from, int to)
    {
        EmitText(from, to);
        return to;
    }

    private void EmitText(int start, int end)
    {
        var text = _html.AsSpan(start, end - start);
        Span<char> decoded = stackalloc char[2];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '&')
            {
                var n = HtmlEntities.Decode(text[i..], decoded, out var consumed);
                if (n > 0)
                {
                    for (var k = 0; k < n; k++)
                    {
                        Emit(decoded[k]);
                    }

                    i += consumed - 1;
                    continue;
                }
            }
            else if (c == '\r' && _preDepth > 0)
            {
                // CRLF and a lone CR are one line break each.
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            Emit(c);
        }
    }

    private string Attribute(Range range) =>
        HtmlTag.IsPresent(range) ? HtmlEntities.DecodeAll(_html.AsSpan()[range]) : "";

    private int ParseStart(HtmlTag tag) =>
        int.TryParse(Attribute(tag.Start).Trim(), System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 1;

    private void Emit(char c)
    {
        if (_preDepth > 0)
        {
            _layout.PreChar(c);
        }
        else
        {
            _layout.Char(c);
        }
    }
}
