namespace MailTicketing.Rules.Tests;

public class RegexTimeoutTests
{
    // (a|aa)+b passes the nested-quantifier check, yet backtracks exponentially on a run of a's.
    private const string SlowRule = """
        - name: slow
          when: { text_matches: '^(a|aa)+b$' }
          then: { queue: api }
        - name: after
          then: { tags: [after] }
        """;

    [Fact]
    public void Regex_that_times_out_counts_as_no_match_and_is_explained()
    {
        var options = new RuleSetOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) };
        var rules = RuleSet.Parse(RuleFiles.Header + SlowRule, "t.yaml", options).RuleSet!;
        var outcome = rules.Evaluate(RuleFiles.Mail(text: new string('a', 60)));

        Assert.Null(outcome.Queue);
        var slow = outcome.Explanations[0];
        Assert.False(slow.Matched);
        Assert.Contains("timed out after 20 ms", slow.Reason);
        Assert.Equal(["after"], outcome.FiredRules);
    }

    [Fact]
    public void Capture_that_times_out_is_noted_and_sets_nothing()
    {
        var options = new RuleSetOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) };
        var rules = RuleSet.Parse(RuleFiles.Header + """
            - name: capture
              then: { set: { from: text, regex: '^(?<x>(a|aa)+)b$' } }
            """, "t.yaml", options).RuleSet!;
        var outcome = rules.Evaluate(RuleFiles.Mail(text: new string('a', 60)));

        Assert.Empty(outcome.Fields);
        Assert.Contains("timed out", outcome.Explanations[0].Reason);
    }

    [Fact]
    public void Default_timeout_is_set_on_every_regex()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(100), RuleSetOptions.Default.RegexTimeout);
        var outcome = RuleFiles.Route(SlowRule, RuleFiles.Mail(text: "aaab"));
        Assert.Equal("api", outcome.Queue);
    }
}
