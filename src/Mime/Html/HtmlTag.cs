namespace MailTicketing.Mime.Html;

/// <summary>
/// A start or end tag: its lowercased name and where the few attributes we use sit in the source.
/// Reading follows the HTML tokenizer's tag and attribute states, minus what does not change text.
/// </summary>
internal readonly record struct HtmlTag(string Name, Range Href, Range Alt, Range Class, Range Start)
{
    private const int MaxNameLength = 16;

    public static readonly Range Absent = ^0..0;

    public static bool IsPresent(Range range) => !range.Equals(Absent);

    /// <summary>
    /// Reads the tag whose name starts at namePos. end is the index after its '>'; false when the
    /// document ends inside the tag, which then shows nothing (as in browsers).
    /// </summary>
    public static bool TryRead(string html, int namePos, ForwardSearch doubleQuote, ForwardSearch singleQuote, out HtmlTag tag, out int end)
    {
        var pos = namePos;
        while (pos < html.Length && !IsTagBreak(html[pos]))
        {
            pos++;
        }

        // Names longer than any element we know need no exact spelling.
        var name = pos - namePos <= MaxNameLength ? html.Substring(namePos, pos - namePos).ToLowerInvariant() : "";
        Range href = Absent, alt = Absent, cls = Absent, start = Absent;
        tag = new HtmlTag(name, href, alt, cls, start);
        while (true)
        {
            while (pos < html.Length && (IsSpace(html[pos]) || html[pos] == '/'))
            {
                pos++;
            }

            if (pos >= html.Length)
            {
                end = html.Length;
                return false;
            }

            if (html[pos] == '>')
            {
                end = pos + 1;
                tag = new HtmlTag(name, href, alt, cls, start);
                return true;
            }

            // An attribute name may start with '='; after that '=' ends it.
            var attrStart = pos++;
            while (pos < html.Length && !IsTagBreak(html[pos]) && html[pos] != '=')
            {
                pos++;
            }

            var attrName = html.AsSpan(attrStart, pos - attrStart);
            var valueStart = pos;
            var valueEnd = pos;
            var afterName = pos;
            while (afterName < html.Length && IsSpace(html[afterName]))
            {
                afterName++;
            }

            if (afterName < html.Length && html[afterName] == '=')
            {
                pos = afterName + 1;
                while (pos < html.Length && IsSpace(html[pos]))
                {
                    pos++;
                }

                if (pos < html.Length && html[pos] is '"' or '\'')
                {
                    var close = (html[pos] == '"' ? doubleQuote : singleQuote).Find(pos + 1);
                    if (close < 0)
                    {
                        // Never closed: browsers would hide the rest of the mail; end at '>' instead.
                        close = html.IndexOf('>', pos + 1);
                        if (close < 0)
                        {
                            end = html.Length;
                            return false;
                        }

                        valueStart = pos + 1;
                        valueEnd = close;
                        pos = close;
                    }
                    else
                    {
                        valueStart = pos + 1;
                        valueEnd = close;
                        pos = close + 1;
                    }
                }
                else
                {
                    valueStart = pos;
                    while (pos < html.Length && !IsSpace(html[pos]) && html[pos] != '>')
                    {
                        pos++;
                    }

                    valueEnd = pos;
                }
            }

            // The first occurrence of an attribute wins (HTML tokenizer).
            var value = valueStart..valueEnd;
            if (attrName.Equals("href", StringComparison.OrdinalIgnoreCase) && !IsPresent(href))
            {
                href = value;
            }
            else if (attrName.Equals("alt", StringComparison.OrdinalIgnoreCase) && !IsPresent(alt))
            {
                alt = value;
            }
            else if (attrName.Equals("class", StringComparison.OrdinalIgnoreCase) && !IsPresent(cls))
            {
                cls = value;
            }
            else if (attrName.Equals("start", StringComparison.OrdinalIgnoreCase) && !IsPresent(start))
            {
                start = value;
            }
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static bool IsTagBreak(char c) => IsSpace(c) || c is '/' or '>';
}
