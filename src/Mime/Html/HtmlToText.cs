namespace MailTicketing.Mime.Html;

/// <summary>
/// Turns an HTML body into readable plain text, keeping links and line breaks. Any input is
/// accepted (broken tags, unclosed comments, stray entities); time is linear in its length.
/// </summary>
public static class HtmlToText
{
    /// <summary>
    /// The text a reader would see: no head, scripts, styles or comments; block elements on their
    /// own lines with at most one blank line between; list items as "- " or "1. "; table cells
    /// separated by " | "; quoted blocks prefixed "> "; links as "text &lt;url&gt;" unless the url
    /// is the text; images as "[alt]"; entities decoded and whitespace collapsed outside &lt;pre&gt;.
    /// </summary>
    public static string Convert(string html) =>
        string.IsNullOrEmpty(html) ? "" : new HtmlConverter(html).Convert();
}
