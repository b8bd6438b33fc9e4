using MailTicketing.Worker.Cli;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Worker.Tests.Rules;

public sealed class RulesCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "mt-rules-cli-" + Guid.NewGuid().ToString("N"));
    private readonly RuleFileFixture _file = new("- name: api\n  when: { subject_has: api }\n  then: { queue: api, tags: [api] }\n");

    [Fact]
    public void Validate_accepts_the_configured_file_by_default()
    {
        var (exit, output, _) = Validate(null, new WorkerOptions { RulesFile = _file.Path });
        Assert.Equal(0, exit);
        Assert.Contains($"{_file.Path}: valid, 1 rules", output);
    }

    [Fact]
    public void Validate_lists_every_error_with_file_line_and_column_and_fails()
    {
        _file.Write("- name: x\n  when: { subject_hass: y }\n  then: { queue: billing }\n");
        var (exit, output, error) = Validate(_file.Path, new WorkerOptions());
        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{_file.Path}:8:11: unknown condition 'subject_hass'", lines[0]);
        Assert.StartsWith($"{_file.Path}:9:18: unknown queue 'billing'", lines[1]);
        Assert.Contains("2 errors", error);
    }

    [Fact]
    public void Validate_with_no_file_given_or_configured_is_a_usage_error()
    {
        var (exit, _, error) = Validate(null, new WorkerOptions { RulesFile = "" });
        Assert.Equal(2, exit);
        Assert.Contains("no rules file given and none configured", error);
    }

    [Fact]
    public void Test_explains_every_rule_and_the_routing_without_touching_the_database()
    {
        var mail = Path.Combine(Path.GetDirectoryName(_file.Path)!, "api.eml");
        File.WriteAllText(mail, "From: kenji@quant.example\nTo: support@exchange.example\nSubject: API limits\n\nWhat is the rate limit?\n");
        var options = new WorkerOptions { DataDirectory = _data, Mailboxes = WorkerOptions.DefaultMailboxes() };
        var output = new StringWriter();
        var exit = RulesCommand.RunTest(options, [new FileInfo(mail)], _file.Path, new RulesCommandDryRun.Settings(null, false), json: false, output, new StringWriter());

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("MATCH api: subject contains 'api'", text);
        Assert.Contains("queue     api", text);
        Assert.Contains("priority  Normal (mailbox default)", text);
        Assert.Contains("tags      api", text);
        Assert.Contains("ack       standard", text);
        Assert.False(Directory.Exists(_data), "rules test created the data directory");
    }

    [Fact]
    public void Test_routes_as_a_follow_up_when_asked_and_to_the_mailbox_given()
    {
        var mail = Path.Combine(Path.GetDirectoryName(_file.Path)!, "api.eml");
        File.WriteAllText(mail, "From: kenji@quant.example\nTo: support@exchange.example\nSubject: API limits\n\nWhat is the rate limit?\n");
        var options = new WorkerOptions { Mailboxes = WorkerOptions.DefaultMailboxes() };
        var output = new StringWriter();
        RulesCommand.RunTest(options, [new FileInfo(mail)], _file.Path, new RulesCommandDryRun.Settings("compliance", true), json: false, output, new StringWriter());

        var text = output.ToString();
        Assert.Contains("mailbox   compliance <compliance@exchange.example> (given)", text);
        Assert.Contains("follow-up", text);
        Assert.Contains("api: skipped: applies to new tickets only", text);
        Assert.Contains("ack       none (follow-ups are not acknowledged)", text);
    }

    [Fact]
    public void Test_with_a_missing_message_is_a_usage_error_and_with_an_invalid_rules_file_fails()
    {
        var options = new WorkerOptions { Mailboxes = WorkerOptions.DefaultMailboxes() };
        var missing = RulesCommand.RunTest(options, [new FileInfo(_file.Path + ".eml")], _file.Path, new RulesCommandDryRun.Settings(null, false), false, new StringWriter(), new StringWriter());
        Assert.Equal(2, missing);

        var mail = Path.Combine(TestPaths.RepositoryRoot, "samples", "rules", "zh-fee-question.eml");
        _file.Write("- name: x\n  then: { queue: billing }\n");
        var output = new StringWriter();
        Assert.Equal(1, RulesCommand.RunTest(options, [new FileInfo(mail)], _file.Path, new RulesCommandDryRun.Settings(null, false), false, output, new StringWriter()));
        Assert.Contains($"{_file.Path}:8:18: unknown queue 'billing'", output.ToString());
    }

    public void Dispose() => _file.Dispose();

    private static (int Exit, string Output, string Error) Validate(string? file, WorkerOptions options)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = RulesCommand.RunValidate(options, file, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
