using System.Globalization;
using System.Text.Json;
using MailTicketing.Mime.Encodings;
using MailTicketing.Mime.Reports;
using MailTicketing.Mime.Tests.Support;

namespace MailTicketing.Mime.Tests.Golden;

/// <summary>
/// Curated messages (TestData/golden, made by make_golden.py) against expectations written by
/// hand in .expected.json: subject, addresses, text body, attachments, classification, defects.
/// Every message is checked with CRLF as written and again with LF line endings.
/// </summary>
public sealed class GoldenMessageTests
{
    public static TheoryData<string, bool> Messages()
    {
        var data = new TheoryData<string, bool>();
        foreach (var file in Directory.GetFiles(TestPaths.TestData("golden"), "*.eml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file), false);
            data.Add(Path.GetFileNameWithoutExtension(file), true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Golden_message_reads_as_expected(string name, bool lineFeedsOnly)
    {
        var bytes = File.ReadAllBytes(TestPaths.TestData("golden", name + ".eml"));
        if (lineFeedsOnly)
        {
            bytes = ToLineFeeds(bytes);
        }

        using var expected = JsonDocument.Parse(File.ReadAllText(TestPaths.TestData("golden", name + ".expected.json")));
        using var message = MimeMessage.Parse(bytes);
        AssertMessage(expected.RootElement, message, lineFeedsOnly);
    }

    private static void AssertMessage(JsonElement expected, MimeMessage message, bool lineFeedsOnly)
    {
        foreach (var property in expected.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "subject":
                    Assert.Equal(value.GetString(), message.Subject);
                    break;
                case "from":
                    AssertAddresses(value, message.From);
                    break;
                case "to":
                    AssertAddresses(value, message.To);
                    break;
                case "date":
                    Assert.Equal(DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture), message.Date);
                    Assert.Equal(DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture).Offset, message.Date!.Value.Offset);
                    break;
                case "messageId":
                    Assert.Equal(value.GetString(), message.MessageId);
                    break;
                case "inReplyTo":
                    Assert.Equal(value.GetString(), message.InReplyTo);
                    break;
                case "references":
                    Assert.Equal(value.EnumerateArray().Select(v => v.GetString()), message.References);
                    break;
                case "text":
                    Assert.Equal(value.GetString(), message.TextBody);
                    break;
                case "textContains":
                    foreach (var fragment in value.EnumerateArray())
                    {
                        Assert.Contains(fragment.GetString()!, message.TextBody);
                    }

                    break;
                case "textNotContains":
                    foreach (var fragment in value.EnumerateArray())
                    {
                        Assert.DoesNotContain(fragment.GetString()!, message.TextBody);
                    }

                    break;
                case "hasHtml":
                    Assert.Equal(value.GetBoolean(), message.HtmlBody is not null);
                    break;
                case "textBodyFromHtml":
                    Assert.Equal(value.GetBoolean(), message.TextBodyFromHtml);
                    break;
                case "attachments":
                    AssertAttachments(value, message.Attachments, lineFeedsOnly);
                    break;
                case "isBounce":
                    Assert.Equal(value.GetBoolean(), message.Automation.IsBounce);
                    break;
                case "isAutoReply":
                    Assert.Equal(value.GetBoolean(), message.Automation.IsAutoReply);
                    break;
                case "bounce":
                    AssertBounce(value, DeliveryStatusReport.From(message));
                    break;
                case "embedded":
                    var embedded = Assert.IsType<MessagePart>(message.Attachments.Single(a => a is MessagePart));
                    AssertMessage(value, embedded.Message, lineFeedsOnly);
                    break;
                case "defects":
                    Assert.Equal(value.EnumerateArray().Select(v => v.GetString()), message.Defects.Select(d => d.Kind.ToString()));
                    break;
                case "defectsInclude":
                    var kinds = message.Defects.Select(d => d.Kind.ToString()).ToHashSet();
                    foreach (var kind in value.EnumerateArray())
                    {
                        Assert.Contains(kind.GetString()!, kinds);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"unknown expectation '{property.Name}'");
            }
        }
    }

    private static void AssertAddresses(JsonElement expected, AddressList actual)
    {
        var want = expected.EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("address").GetString())).ToList();
        var got = actual.Mailboxes.Select(m => (m.Name, (string?)m.Address)).ToList();
        Assert.Equal(want, got);
    }

    private static void AssertAttachments(JsonElement expected, IReadOnlyList<MimeEntity> actual, bool lineFeedsOnly)
    {
        var want = expected.EnumerateArray().ToList();
        Assert.Equal(want.Count, actual.Count);
        for (var i = 0; i < want.Count; i++)
        {
            var entity = actual[i];
            var (size, disposition) = entity switch
            {
                MessagePart m => (m.RawContent.Length, m.ContentDisposition?.Disposition ?? "attachment"),
                MimePart p => (p.Content.Length, p.IsInline ? "inline" : "attachment"),
                _ => (-1L, "?"),
            };
            var expectedName = want[i].GetProperty("fileName").GetString();
            var name = entity is MessagePart embedded && entity.FileName is null && embedded.Message.Subject is { } s ? s + ".eml" : entity.FileName;
            Assert.Equal(expectedName, name);
            Assert.Equal(want[i].GetProperty("contentType").GetString(), entity.ContentType.MimeType);
            Assert.Equal(want[i].GetProperty("disposition").GetString(), disposition);
            if (want[i].TryGetProperty("contentId", out var contentId))
            {
                Assert.Equal(contentId.GetString(), entity.ContentId);
            }

            // Sizes of text-like content change when CRLF becomes LF; binary sizes must not.
            var expectedSize = want[i].GetProperty("size").GetInt64();
            if (!lineFeedsOnly || entity.TransferEncoding is ContentEncoding.Base64 or ContentEncoding.UUEncode)
            {
                Assert.Equal(expectedSize, size);
            }
            else
            {
                Assert.InRange(size, 1, expectedSize);
            }
        }
    }

    private static void AssertBounce(JsonElement expected, DeliveryStatusReport? report)
    {
        Assert.NotNull(report);
        Assert.Equal(expected.GetProperty("originalMessageId").GetString(), report.OriginalMessageId);
        var recipients = expected.GetProperty("recipients").EnumerateArray().ToList();
        Assert.Equal(recipients.Count, report.Recipients.Count);
        for (var i = 0; i < recipients.Count; i++)
        {
            Assert.Equal(recipients[i].GetProperty("address").GetString(), report.Recipients[i].Address);
            Assert.Equal(recipients[i].GetProperty("status").GetString(), report.Recipients[i].Status);
            Assert.Equal(recipients[i].GetProperty("action").GetString(), report.Recipients[i].Action);
            Assert.Equal(recipients[i].GetProperty("permanent").GetBoolean(), report.Recipients[i].IsPermanentFailure);
        }
    }

    private static byte[] ToLineFeeds(byte[] bytes)
    {
        var result = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n')
            {
                continue;
            }

            result.Add(bytes[i]);
        }

        return [.. result];
    }
}
