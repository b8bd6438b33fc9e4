namespace MailTicketing.Mime.Html;

/// <summary>Turns an HTML body into readable plain text, keeping links and line breaks.</summary>
public static class HtmlToText
{
    public static string Convert(string html) => throw new NotImplementedException();
}
