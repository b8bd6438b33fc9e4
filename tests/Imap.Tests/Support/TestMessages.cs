using System.Text;

namespace MailTicketing.Imap.Tests.Support;

/// <summary>Messages to append and read back, as exact CRLF bytes.</summary>
internal static class TestMessages
{
    public static byte[] Simple(string subject, string body = "Hello.") => Encoding.UTF8.GetBytes(
        "From: Alice <alice@customer.example>\r\n"
        + "To: support@exchange.example\r\n"
        + $"Subject: {subject}\r\n"
        + $"Message-ID: <{Guid.NewGuid():N}@customer.example>\r\n"
        + "Date: Tue, 02 Jan 2024 10:00:00 +0800\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n"
        + "\r\n"
        + body + "\r\n");

    /// <summary>A Chinese subject (RFC 2047) and a raw UTF-8 Chinese body.</summary>
    public static byte[] Chinese() => Simple(
        "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("提币未到账，请帮忙查询")) + "?=",
        "您好，我的提币交易哈希是 0xabc，已经两天没有到账。");

    /// <summary>A message of about <paramref name="megabytes"/> MB: a base64 attachment of pseudo-random bytes.</summary>
    public static byte[] Large(int megabytes)
    {
        var random = new Random(megabytes);
        var payload = new byte[megabytes * 1024 * 768];
        random.NextBytes(payload);
        var builder = new StringBuilder()
            .Append("From: bob@customer.example\r\nTo: support@exchange.example\r\nSubject: screenshots\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n")
            .Append("--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n")
            .Append("--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n")
            .Append(Convert.ToBase64String(payload, Base64FormattingOptions.InsertLineBreaks))
            .Append("\r\n--b1--\r\n");
        return Encoding.ASCII.GetBytes(builder.ToString());
    }
}
