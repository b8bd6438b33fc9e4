using System.Text.Json;
using MailTicketing.Worker.Cli;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Rules;

/// <summary>`rules test` on samples/rules.yaml and samples/rules/*.eml gives the routing table in docs/rules.md.</summary>
public sealed class SampleRoutingTests
{
    private static readonly string Root = TestPaths.RepositoryRoot;

    public static TheoryData<string> Rows() => [.. DocumentedRows().Select(r => r.Message)];

    [Fact]
    public void Every_sample_mail_has_a_row_in_the_documented_table_and_every_row_a_mail()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "samples", "rules"), "*.eml").Select(Path.GetFileName).Order();
        Assert.Equal(files, DocumentedRows().Select(r => r.Message).Order());
        Assert.Contains(DocumentedRows(), r => r.Message.StartsWith("zh-", StringComparison.Ordinal));
        Assert.Contains(DocumentedRows(), r => r.Message.StartsWith("en-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Rules_test_routes_the_sample_mail_as_documented(string message)
    {
        var row = DocumentedRows().Single(r => r.Message == message);
        var result = RulesTestJson(Path.Combine(Root, "samples", "rules", message));

        Assert.Equal(JsonValueKind.Null, result.GetProperty("error").ValueKind);
        Assert.True(result.GetProperty("newTicket").GetBoolean());
        Assert.Equal(row.Mailbox, result.GetProperty("mailbox").GetString());
        Assert.Equal(row.Queue, result.GetProperty("queue").GetString());
        Assert.Equal(row.Priority, result.GetProperty("priority").GetString());
        Assert.Equal(row.Tags, string.Join(", ", result.GetProperty("tags").EnumerateArray().Select(t => t.GetString())));
        Assert.Equal(row.Fields, string.Join(", ", result.GetProperty("fields").EnumerateObject().Select(f => $"{f.Name}={f.Value.GetString()}")));
        Assert.Equal(row.Acknowledgement, result.GetProperty("acknowledgement").GetProperty("template").GetString() ?? "none");
        Assert.Equal(row.Fired, string.Join(", ", result.GetProperty("fired").EnumerateArray().Select(t => t.GetString())));

        // Every rule of the file is explained, matched or not, in file order.
        var explained = result.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(12, explained.Count);
        Assert.All(explained, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("reason").GetString())));
        Assert.Equal(row.Fired, string.Join(", ", explained.Where(e => e.GetProperty("matched").GetBoolean()).Select(e => e.GetProperty("name").GetString())));
    }

    private static JsonElement RulesTestJson(string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var options = new WorkerOptions { Mailboxes = WorkerOptions.DefaultMailboxes() };
        var exit = RulesCommand.RunTest(
            options, [new FileInfo(message)], Path.Combine(Root, "samples", "rules.yaml"), new RulesCommandDryRun.Settings(null, false), json: true, output, error);
        Assert.True(exit == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        return Assert.Single(json.RootElement.GetProperty("messages").EnumerateArray()).Clone();
    }

    private static List<Row> DocumentedRows()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "rules.md"));
        var start = text.IndexOf("<!-- routing-table:start -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- routing-table:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/rules.md has no routing table between its markers");
        return [.. text[start..end].Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && line.Contains(".eml", StringComparison.Ordinal))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Select(c => new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]))];
    }

    private sealed record Row(string Message, string Mailbox, string Queue, string Priority, string Tags, string Fields, string Acknowledgement, string Fired);
}
