using System.Globalization;
using System.Text;

namespace MailTicketing.Faults.Tests.Support;

/// <summary>Customer mail for the fault tests: a distinct sender, problem and Message-ID per message.</summary>
internal static class FaultMail
{
    /// <summary>Message <paramref name="i"/> of a run named <paramref name="run"/>, its body padded to about <paramref name="bodyBytes"/>.</summary>
    public static byte[] Customer(string run, int i, int bodyBytes = 600)
    {
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"My withdrawal number {i} has not arrived, order WD{i:D8}.\r\n");
        var line = "The transfer was made from my account and I am still waiting for it to arrive.\r\n";
        while (body.Length < bodyBytes)
        {
            body.Append(line);
        }

        return Encoding.UTF8.GetBytes(
            $"From: Customer {i} <customer{i}@customer.example>\r\n" +
            "To: support@exchange.example\r\n" +
            $"Subject: Withdrawal {i} stuck\r\n" +
            $"Date: {DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}\r\n" +
            $"Message-ID: <{MessageId(run, i)}>\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n" +
            "\r\n" +
            body);
    }

    public static string MessageId(string run, int i) => string.Create(CultureInfo.InvariantCulture, $"{run}-{i}@customer.example");
}
