namespace MailTicketing.Mime.Html;

/// <summary>Decides whether a link's target adds anything to its visible text.</summary>
internal static class LinkTargets
{
    public static bool IsWorthShowing(string url, string text)
    {
        if (url.Length == 0
            || url.StartsWith('#')
            || url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("cid:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            // In-page anchors, scripts and inline parts mean nothing outside the mail.
            return false;
        }

        return !Normalize(url).Equals(Normalize(text), StringComparison.OrdinalIgnoreCase);
    }

    // "mailto:a@b.c?subject=x" shows as "a@b.c", "https://example.com/" as "example.com".
    private static ReadOnlySpan<char> Normalize(string s)
    {
        var span = s.AsSpan().Trim();
        foreach (var scheme in (ReadOnlySpan<string>)["mailto:", "tel:", "https://", "http://"])
        {
            if (span.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                span = span[scheme.Length..];
                if (scheme == "mailto:")
                {
                    var query = span.IndexOf('?');
                    span = query < 0 ? span : span[..query];
                }

                break;
            }
        }

        return span.TrimEnd('/');
    }

    // URL parsing drops tabs and line breaks anywhere (WHATWG URL, "basic URL parser"); mailers
    // that wrap long hrefs also indent the continuation, so spaces after a break go too.
    public static string Unwrap(string url)
    {
        if (url.AsSpan().IndexOfAny('\r', '\n', '\t') < 0)
        {
            return url;
        }

        var result = new System.Text.StringBuilder(url.Length);
        var afterBreak = false;
        foreach (var c in url)
        {
            if (c is '\r' or '\n' or '\t')
            {
                afterBreak |= c != '\t';
                continue;
            }

            if (!(afterBreak && c == ' '))
            {
                result.Append(c);
                afterBreak = false;
            }
        }

        return result.ToString();
    }
}
