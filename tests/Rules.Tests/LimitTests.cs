using System.Text;

namespace MailTicketing.Rules.Tests;

public class LimitTests
{
    private const string OneRule = "- name: r\n  then: { queue: support }\n";

    [Fact]
    public void A_file_over_the_size_limit_is_refused_with_its_size()
    {
        var yaml = RuleFiles.Header + OneRule + "# " + new string('x', 2000) + "\n";
        var result = RuleSet.Parse(yaml, "big.yaml", new RuleSetOptions { MaxFileBytes = 1000 });
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("the limit is 1,000", error.Message);
        Assert.True(RuleSet.Parse(yaml, "big.yaml").Succeeded);
    }

    [Fact]
    public void Load_refuses_a_file_over_the_size_limit_before_reading_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mt-rules-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, RuleFiles.Header + new string('#', 5000) + "\n");
        try
        {
            var error = Assert.Single(RuleSet.Load(path, new RuleSetOptions { MaxFileBytes = 4096 }).Errors);
            Assert.StartsWith(path + ":1:1: the file is ", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error_at_the_first_level_too_deep()
    {
        // Deep enough to overflow a recursive tree builder if it were read whole. The root mapping,
        // the rules list and the rule are three levels; the 30th '[' (column 9 + 29) is the 33rd.
        var yaml = RuleFiles.Header + "- name: deep\n  when: " + new string('[', 100_000) + new string(']', 100_000) + "\n  then: { queue: support }\n";
        var error = Assert.Single(RuleFiles.Errors(yaml));
        Assert.Equal(10, error.Line);
        Assert.Equal(38, error.Column);
        Assert.Contains("nest more than 32 deep", error.Message);
    }

    [Fact]
    public void Nested_combinations_within_the_limit_load()
    {
        var when = new StringBuilder("{ subject_has: x }");
        for (var i = 0; i < 10; i++)
        {
            when.Insert(0, "{ not: ").Append(" }");
        }

        var rules = RuleFiles.Load($"- name: nested\n  when: {when}\n  then: {{ queue: api }}\n");
        Assert.Null(rules.Evaluate(RuleFiles.Mail("nothing")).Queue);
        Assert.Equal("api", rules.Evaluate(RuleFiles.Mail("x")).Queue);
    }

    [Fact]
    public void Aliases_are_refused_at_their_position()
    {
        var errors = RuleFiles.Errors(RuleFiles.Header + """
            - name: a
              when: { content_has: &words [hacked, 被盗] }
              then: { queue: security }
            - name: b
              when: { subject_has: *words }
              then: { queue: security }
            """);
        var error = Assert.Single(errors);
        Assert.Equal((13, 24), (error.Line, error.Column));
        Assert.Contains("aliases (*words) are not supported", error.Message);
    }

    [Fact]
    public void More_rules_than_the_limit_is_an_error_at_the_rules_list()
    {
        var rules = new StringBuilder();
        for (var i = 0; i < 6; i++)
        {
            rules.Append($"- name: r{i}\n  then: {{ tags: [t{i}] }}\n");
        }

        var result = RuleSet.Parse(RuleFiles.Header + rules, "many.yaml", new RuleSetOptions { MaxRules = 5 });
        var error = Assert.Single(result.Errors);
        Assert.Equal((9, 1), (error.Line, error.Column));
        Assert.Contains("6 rules; the limit is 5", error.Message);
    }

    [Fact]
    public void Templates_unknown_to_the_application_are_errors_when_the_application_names_its_templates()
    {
        var options = new RuleSetOptions { KnownTemplates = ["standard", "minimal"] };
        var yaml = RuleFiles.Header.Replace("templates: [ack-default, ack-security]", "templates: [standard, fancy]") + OneRule;
        var error = Assert.Single(RuleSet.Parse(yaml, "t.yaml", options).Errors);
        Assert.Equal((3, 23), (error.Line, error.Column));
        Assert.Contains("template 'fancy' is not one this application can send; known templates: standard, minimal", error.Message);
        Assert.True(RuleSet.Parse(yaml, "t.yaml").Succeeded);
    }
}
