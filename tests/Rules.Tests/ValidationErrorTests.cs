namespace MailTicketing.Rules.Tests;

public class ValidationErrorTests
{
    private static void AssertError(IReadOnlyList<RuleError> errors, int line, int column, string fragment) =>
        Assert.True(
            errors.Any(e => e.Line == line && e.Column == column && e.Message.Contains(fragment, StringComparison.Ordinal)),
            $"no error {line}:{column} '{fragment}' in:\n{string.Join("\n", errors)}");

    [Fact]
    public void Unknown_field_in_a_rule_is_reported_at_the_key()
    {
        var errors = RuleFiles.Errors(RuleFiles.Header + """
            - name: r1
              whne: { subject_has: x }
              then: { queue: support }
            """);
        AssertError(errors, 10, 3, "unknown field 'whne'");
    }

    [Fact]
    public void Unknown_top_level_field_condition_and_action_are_each_reported()
    {
        var errors = RuleFiles.Errors(RuleFiles.Header.Replace("rules:", "rulez: []\nrules:") + """
            - name: r1
              when: { subject_hs: x }
              then: { queueue: support }
            """);
        AssertError(errors, 8, 1, "unknown field 'rulez'");
        AssertError(errors, 11, 11, "unknown condition 'subject_hs'");
        AssertError(errors, 12, 11, "unknown action 'queueue'");
    }

    [Fact]
    public void Wrong_types_are_reported_at_the_value()
    {
        var errors = RuleFiles.Errors(RuleFiles.Header + """
            - name: r1
              when:
                auth_failed: maybe
                amount_over: { USDT: lots }
                all: { bounce: true }
              then:
                queue: [support, api]
                stop: yes
            """);
        AssertError(errors, 11, 18, "'auth_failed' must be true or false, not 'maybe'");
        AssertError(errors, 12, 26, "'amount_over.USDT' must be a non-negative number");
        AssertError(errors, 13, 10, "'all' must be a list of conditions");
        AssertError(errors, 15, 12, "'queue' must be a single value, not a list");
        AssertError(errors, 16, 11, "'stop' must be true or false");
    }

    [Fact]
    public void Invalid_regex_is_an_error_not_a_blank_pattern()
    {
        var errors = RuleFiles.Errors(RuleFiles.Header + """
            - name: r1
              when: { subject_matches: 'order (\d+' }
              then: { queue: support }
            """);
        AssertError(errors, 10, 28, "invalid regex 'order (\\d+': InsufficientClosingParentheses at pattern offset 10");
    }

    [Theory]
    [InlineData("(a+)+")]
    [InlineData("(\\w+\\s?)*$")]
    [InlineData("(?<x>(ab|c)*){2,}")]
    [InlineData("((a+)b)*")]
    public void Nested_unbounded_quantifier_is_rejected_as_catastrophic(string pattern)
    {
        var errors = RuleFiles.Errors(RuleFiles.Header + $"""
            - name: r1
              when: {"{"} text_matches: '{pattern}' {"}"}
              then: {"{"} queue: support {"}"}
            """);
        AssertError(errors, 10, 25, "exponential time");
    }

    [Theory]
    [InlineData("(\\d{1,3}\\.){3}\\d{1,3}")]
    [InlineData("(?<case>CASE-\\d+)")]
    [InlineData("[(a+)]+")]
    [InlineData("\\(a+\\)+")]
    [InlineData("(ab)+c*")]
    public void Bounded_or_flat_repetition_is_accepted(string pattern)
    {
        Assert.Null(Loading.RegexFactory.FindNestedQuantifier(pattern));
    }

    [Fact]
    public void Unknown_queue_template_sla_group_and_sender_list_are_reported()
    {
        var errors = RuleFiles.Errors(RuleFiles.Header + """
            - name: r1
              when: { sender_list: partners }
              then:
                queue: billing
                acknowledge: ack-fancy
                sla: gold
                assign: nobody
            """);
        AssertError(errors, 10, 24, "unknown sender list 'partners'");
        AssertError(errors, 12, 12, "unknown queue 'billing'");
        AssertError(errors, 13, 18, "unknown template 'ack-fancy'");
        AssertError(errors, 14, 10, "unknown sla 'gold'");
        AssertError(errors, 15, 13, "unknown assign 'nobody'");
    }

    [Fact]
    public void Rule_after_an_unconditional_stop_is_unreachable()
    {
        var errors = RuleFiles.Errors(RuleFiles.Header + """
            - name: catch-all
              applies_to: both
              then: { queue: support, stop: true }
            - name: never
              when: { subject_has: x }
              then: { queue: api }
            """);
        var error = Assert.Single(errors);
        Assert.Equal((12, 3), (error.Line, error.Column));
        Assert.Contains("rule 'never' can never run: rule 'catch-all' (line 9)", error.Message);
    }

    [Fact]
    public void Unconditional_stop_for_new_tickets_leaves_follow_up_rules_reachable()
    {
        var rules = RuleFiles.Load("""
            - name: new-catch-all
              then: { queue: support, stop: true }
            - name: follow-ups
              applies_to: follow_up
              then: { tags: [follow-up] }
            """);
        Assert.Equal(["new-catch-all", "follow-ups"], rules.RuleNames);
    }

    [Fact]
    public void All_errors_are_reported_in_file_order_not_just_the_first()
    {
        var errors = RuleFiles.Errors("""
            version: 2
            queues: [support, support]
            rules:
              - name: a
                then: { priority: highest }
              - name: a
                applies_to: sometimes
                then: { queue: support }
              - description: no name
            """);
        AssertError(errors, 1, 10, "unsupported version");
        AssertError(errors, 2, 19, "'support' is declared twice");
        AssertError(errors, 5, 23, "'priority' must be low, normal, high or urgent");
        AssertError(errors, 6, 11, "rule name 'a' is already used at line 4");
        AssertError(errors, 7, 17, "'applies_to' must be new, follow_up or both");
        AssertError(errors, 9, 5, "a rule needs a 'name'");
        Assert.Equal(errors.OrderBy(e => e.Line).ThenBy(e => e.Column), errors);
    }

    [Fact]
    public void Yaml_syntax_error_carries_its_position()
    {
        var error = Assert.Single(RuleFiles.Errors("version: 1\nqueues: [support\nrules: []\n"));
        Assert.Equal("test.yaml", error.File);
        Assert.True(error.Line >= 2, error.ToString());
        Assert.Contains("YAML syntax", error.Message);
    }

    [Fact]
    public void Duplicate_key_is_reported_with_its_position()
    {
        var error = Assert.Single(RuleFiles.Errors("version: 1\nqueues: [support]\nqueues: [api]\nrules: []\n"));
        Assert.Equal(3, error.Line);
        Assert.Contains("YAML syntax", error.Message);
    }

    [Fact]
    public void Missing_version_and_queues_are_reported_on_the_root()
    {
        var errors = RuleFiles.Errors("rules: []\n");
        AssertError(errors, 1, 1, "missing 'version: 1'");
        AssertError(errors, 1, 1, "missing 'queues'");
    }

    [Fact]
    public void Set_without_a_named_group_is_rejected()
    {
        var errors = RuleFiles.Errors(RuleFiles.Header + """
            - name: r1
              then:
                set: { from: subject, regex: 'CASE-\d+' }
            """);
        AssertError(errors, 11, 34, "has no named group");
    }

    [Fact]
    public void Acknowledge_true_without_a_template_is_rejected()
    {
        var errors = RuleFiles.Errors(RuleFiles.Header + """
            - name: r1
              then: { acknowledge: true }
            """);
        AssertError(errors, 10, 24, "must name a template");
    }

    [Fact]
    public void Empty_file_is_an_error_not_an_exception()
    {
        var error = Assert.Single(RuleFiles.Errors(""));
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Load_of_a_missing_file_returns_an_error()
    {
        var result = RuleSet.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".yaml"));
        Assert.False(result.Succeeded);
        Assert.Contains("cannot read", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Error_formats_as_file_line_column_message()
    {
        Assert.Equal("r.yaml:3:7: bad", new RuleError("r.yaml", 3, 7, "bad").ToString());
    }
}
