namespace MailTicketing.Mime.Html;

/// <summary>How elements lay out text, as far as plain text can show it.</summary>
internal static class HtmlElements
{
    public static bool IsHeading(string name) => name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    public static bool IsBlock(string name) => name is "div" or "section" or "article" or "header" or "footer"
        or "nav" or "aside" or "main" or "address" or "center" or "form" or "fieldset" or "legend"
        or "figure" or "figcaption" or "details" or "summary" or "dl" or "dt" or "dd" or "table"
        or "thead" or "tbody" or "tfoot" or "caption" or "tr" or "option" or "body" or "html";
}
