namespace MailTicketing.Mime.Html;

/// <summary>
/// Skips markup that shows nothing: comments, declarations, &lt;head&gt; and raw-text elements
/// such as &lt;script&gt;. Each method takes where the markup starts and returns where text resumes.
/// </summary>
internal sealed class MarkupSkipper
{
    private readonly string _html;
    private readonly ForwardSearch _headEnd;
    private readonly ForwardSearch _bodyStart;

    public MarkupSkipper(string html)
    {
        _html = html;
        _headEnd = new ForwardSearch(html, "</head");
        _bodyStart = new ForwardSearch(html, "<body");
    }

    public int Comment(int lt)
    {
        if (!_html.AsSpan(lt).StartsWith("<!--"))
        {
            // <!DOCTYPE>, <![if !supportLists]> and other declarations show nothing.
            return Past('>', lt + 2);
        }

        var body = lt + 4;
        var rest = _html.AsSpan(body);
        if (rest.StartsWith(">"))
        {
            return body + 1;
        }

        if (rest.StartsWith("->"))
        {
            return body + 2;
        }

        // As in browsers, an unclosed comment hides the rest of the document.
        var close = rest.IndexOf("-->");
        return close < 0 ? _html.Length : body + close + 3;
    }

    public int Head(int end)
    {
        // Whatever sits in <head> is not shown; browsers end it at </head> or <body>. Without
        // either we go on normally, which still drops <title>, <style> and <script>.
        var close = _headEnd.Find(end);
        var body = _bodyStart.Find(end);
        if (close < 0)
        {
            return body < 0 ? end : body;
        }

        return body < 0 ? close : Math.Min(close, body);
    }

    public int RawText(string name, int from)
    {
        // Content runs to "</name" followed by whitespace, '/' or '>' (HTML raw text states).
        var pos = from;
        while (true)
        {
            var index = _html.AsSpan(pos).IndexOf("</", StringComparison.Ordinal);
            if (index < 0)
            {
                return _html.Length;
            }

            var close = pos + index;
            var after = close + 2 + name.Length;
            if (_html.AsSpan(close + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && (after >= _html.Length || _html[after] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
            {
                return Past('>', after);
            }

            pos = close + 2;
        }
    }

    public int Past(char c, int from)
    {
        var index = from < _html.Length ? _html.IndexOf(c, from) : -1;
        return index < 0 ? _html.Length : index + 1;
    }
}
