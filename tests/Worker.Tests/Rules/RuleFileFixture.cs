namespace MailTicketing.Worker.Tests.Rules;

/// <summary>A rules file in a fresh temporary folder, written and rewritten by the test; the folder is deleted on dispose.</summary>
internal sealed class RuleFileFixture : IDisposable
{
    /// <summary>Declarations every test file starts with; rules follow.</summary>
    public const string Header = """
        version: 1
        queues: [support, security, compliance, payments, api]
        templates: [standard, minimal]
        sla_policies: [standard, critical]
        groups: [security-oncall, payments-team]
        rules:

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("mt-rules-").FullName;

    public RuleFileFixture(string rules)
    {
        Path = System.IO.Path.Combine(_folder, "rules.yaml");
        Write(rules);
    }

    public string Path { get; }

    /// <summary>Replaces the file's rules (after the header) as an editor would: a new file renamed over the old.</summary>
    public void Write(string rules) => WriteRaw(Header + rules);

    public void WriteRaw(string text)
    {
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, Path, overwrite: true);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
