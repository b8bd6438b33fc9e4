using System.Globalization;
using MailTicketing.Mime.Writing;

namespace MailTicketing.Mime.Tests.Writing;

public class DateAndMessageIdTests
{
    [Theory]
    [InlineData(8, 0, "Sat, 21 Nov 2026 13:05:09 +0800")]
    [InlineData(-5, -30, "Sat, 21 Nov 2026 13:05:09 -0530")]
    [InlineData(0, 0, "Sat, 21 Nov 2026 13:05:09 +0000")]
    public void Date_uses_rfc5322_format_with_a_numeric_zone(int hours, int minutes, string expected)
    {
        var message = TestMessages.Minimal();
        message.Date = new DateTimeOffset(2026, 11, 21, 13, 5, 9, 999, new TimeSpan(hours, minutes, 0));

        Assert.Equal(["Date: " + expected], Wire.FieldLines(MessageWriter.ToBytes(message), "Date"));
    }

    [Fact]
    public void Date_ignores_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal(["Date: Sat, 21 Nov 2026 13:05:09 +0800"], Wire.FieldLines(MessageWriter.ToBytes(TestMessages.Minimal()), "Date"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Generated_message_ids_are_random_base32_at_the_domain()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => MessageIdGenerator.Create("example.com")).ToList();

        Assert.All(ids.Take(50), id => Assert.Matches("^[a-z2-7]{26}@example\\.com$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Prefix_is_put_before_the_random_part()
    {
        Assert.Matches("^t\\.SUP-000123\\.abcd\\.[a-z2-7]{26}@example\\.com$", MessageIdGenerator.Create("example.com", prefix: "t.SUP-000123.abcd"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData(".leading")]
    [InlineData("trailing.")]
    [InlineData("two..dots")]
    [InlineData("at@sign")]
    [InlineData("中文")]
    public void Invalid_prefix_is_refused(string prefix)
    {
        Assert.Throws<ArgumentException>(() => MessageIdGenerator.Create("example.com", prefix));
    }

    [Fact]
    public void Idn_domain_is_written_in_punycode()
    {
        Assert.EndsWith("@xn--fiqs8s.example", MessageIdGenerator.Create("中国.example"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad domain")]
    [InlineData("exa\r\nmple.com")]
    public void Invalid_domain_is_refused(string domain)
    {
        Assert.Throws<ArgumentException>(() => MessageIdGenerator.Create(domain));
    }

    [Fact]
    public void Writer_generates_a_message_id_in_the_from_domain_and_reports_it()
    {
        var message = TestMessages.Minimal();
        message.MessageId = null;
        message.From = new MailboxAddress(null, "support@Example.COM");

        var bytes = MessageWriter.ToBytes(message);

        Assert.NotNull(message.MessageId);
        Assert.Matches("^[a-z2-7]{26}@example\\.com$", message.MessageId);
        Assert.Equal(["Message-ID: <" + message.MessageId + ">"], Wire.FieldLines(bytes, "Message-ID"));
    }

    [Theory]
    [InlineData("<abc@example.com>")]
    [InlineData("no-at-sign")]
    [InlineData("a b@example.com")]
    public void Invalid_own_message_id_is_refused(string id)
    {
        var message = TestMessages.Minimal();
        message.MessageId = id;

        Assert.Throws<ArgumentException>(() => MessageWriter.ToBytes(message));
    }

    [Fact]
    public void Reply_fields_are_written_in_angle_brackets()
    {
        var message = TestMessages.Minimal();
        message.InReplyTo = "parent@mail.example.org";
        message.References.AddRange(["root@mail.example.org", "parent@mail.example.org"]);
        var bytes = MessageWriter.ToBytes(message);

        Assert.Equal(["In-Reply-To: <parent@mail.example.org>"], Wire.FieldLines(bytes, "In-Reply-To"));
        Assert.Equal(["References: <root@mail.example.org> <parent@mail.example.org>"], Wire.FieldLines(bytes, "References"));
    }

    [Theory]
    [InlineData("<x@y>")]
    [InlineData("x@y>\r\nBcc: a@b")]
    [InlineData("x y@z")]
    public void Unsafe_reference_ids_are_refused(string id)
    {
        var message = TestMessages.Minimal();
        message.References.Add(id);

        Assert.Throws<ArgumentException>(() => MessageWriter.ToBytes(message));
    }
}
