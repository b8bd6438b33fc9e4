using System.Text.Json;
using MailTicketing.Worker.Cli;

using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Cli;

public sealed class InspectCommandTests
{
    private static readonly string Samples = Path.Combine(TestPaths.RepositoryRoot, "samples", "mail");

    /// <summary>The documented JSON contract (README.md): these fields, in this order.</summary>
    private static readonly string[] TopLevelFields =
    [
        "file", "sizeBytes", "subject", "from", "sender", "replyTo", "to", "cc", "date", "messageId", "inReplyTo",
        "references", "textBody", "textBodyFromHtml", "hasHtmlBody", "attachments", "structure", "automation", "bounce", "defects",
    ];

    [Fact]
    public void Json_report_has_the_documented_fields_in_order()
    {
        using var json = InspectJson("zh-withdrawal.eml");
        Assert.Equal(TopLevelFields, json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Json_report_shows_what_the_parser_read()
    {
        using var json = InspectJson("zh-withdrawal.eml");
        var root = json.RootElement;
        Assert.Equal("提现未到账 - USDT TRC20", root.GetProperty("subject").GetString());
        var from = root.GetProperty("from")[0];
        Assert.Equal("林晓", from.GetProperty("name").GetString());
        Assert.Equal("lin.xiao@example.cn", from.GetProperty("address").GetString());
        Assert.Equal("2024-03-18T21:04:05+08:00", root.GetProperty("date").GetString());
        Assert.Equal("20240318210405.4f2a@mail.example.cn", root.GetProperty("messageId").GetString());
        Assert.Contains("我的UID是：36925814", root.GetProperty("textBody").GetString());
        Assert.False(root.GetProperty("textBodyFromHtml").GetBoolean());
        Assert.True(root.GetProperty("hasHtmlBody").GetBoolean());

        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("提现截图.png", attachment.GetProperty("fileName").GetString());
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        Assert.Equal(67, attachment.GetProperty("size").GetInt64());
        Assert.Equal("attachment", attachment.GetProperty("disposition").GetString());

        Assert.False(root.GetProperty("automation").GetProperty("isMachineGenerated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("bounce").ValueKind);
        Assert.Empty(root.GetProperty("defects").EnumerateArray());
    }

    [Fact]
    public void Text_report_names_subject_attachment_and_body()
    {
        var output = new StringWriter();
        var exit = InspectCommand.Run(new FileInfo(Path.Combine(Samples, "en-account-compromise.eml")), json: false, output, new StringWriter());
        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("Subject:     Unauthorized login on my account - please freeze", text);
        Assert.Contains("From:        Martin, Jane <jane.martin@example.com>", text);
        Assert.Contains("Attachments: none", text);
        Assert.Contains("0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3", text);
        Assert.Contains("Defects: none", text);
    }

    [Fact]
    public void Missing_file_is_a_clear_error_with_exit_code_2()
    {
        var error = new StringWriter();
        var exit = InspectCommand.Run(new FileInfo("/nonexistent/mail.eml"), json: true, new StringWriter(), error);
        Assert.Equal(2, exit);
        Assert.Contains("no such file", error.ToString());
    }

    [Fact]
    public void Command_line_parses_inspect_with_json_flag()
    {
        var result = CommandLine.Build().Parse(["inspect", "some.eml", "--json"]);
        Assert.Empty(result.Errors);
        Assert.Equal("inspect", result.CommandResult.Command.Name);
    }

    private static JsonDocument InspectJson(string sample)
    {
        var output = new StringWriter();
        var exit = InspectCommand.Run(new FileInfo(Path.Combine(Samples, sample)), json: true, output, new StringWriter());
        Assert.Equal(0, exit);
        return JsonDocument.Parse(output.ToString());
    }
}
