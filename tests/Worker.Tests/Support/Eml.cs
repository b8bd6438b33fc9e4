using System.Globalization;
using System.Text;

namespace MailTicketing.Worker.Tests.Support;

/// <summary>Turns a message written as a readable multi-line string into wire bytes.</summary>
internal static class Eml
{
    /// <summary>Every line ending becomes CRLF (RFC 5322 §2.1); the text is UTF-8.</summary>
    public static byte[] Bytes(string text) =>
        Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    /// <summary>An RFC 5322 §3.3 date-time in UTC.</summary>
    public static string Date(DateTimeOffset date) =>
        date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    /// <summary>An RFC 2047 encoded word when the text is not plain ASCII, as mail clients write non-ASCII subjects.</summary>
    public static string HeaderText(string text) =>
        text.All(char.IsAscii) ? text : $"=?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";
}
