using System.Text;

namespace MailTicketing.Mime.Tests.Support;

/// <summary>Builds test messages from lines, so tests read like the mail they feed.</summary>
internal static class Mail
{
    public static MimeMessage Parse(string text, MimeParserOptions? options = null) =>
        MimeMessage.Parse(Encoding.UTF8.GetBytes(text), options);

    /// <summary>Joins lines with CRLF, as mail is written on the wire.</summary>
    public static string Lines(params string[] lines) => string.Join("\r\n", lines);
}
