using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

internal static class TestMessages
{
    public static readonly DateTimeOffset FixedDate = new(2026, 11, 21, 13, 5, 9, TimeSpan.FromHours(8));

    public static OutgoingMessage Minimal(string subject = "Hello", string? text = "Body") => new()
    {
        From = new MailboxAddress("Support", "support@example.com"),
        To = { new MailboxAddress(null, "customer@example.org") },
        Subject = subject,
        Date = FixedDate,
        MessageId = "fixed.1@example.com",
        TextBody = text,
    };

    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
