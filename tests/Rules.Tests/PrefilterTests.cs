using System.Text;
using System.Text.RegularExpressions;
using MailTicketing.Rules.Evaluation;
using MailTicketing.Rules.Loading;

namespace MailTicketing.Rules.Tests;

/// <summary>
/// The shortcuts evaluation takes (one scan for all keywords, patterns run only when their
/// literal is present, rules looked at only when their words are) must never change a result.
/// </summary>
public class PrefilterTests
{
    private static readonly string[] Texts =
    [
        "My withdrawal is pending since yesterday, ref ABC123456",
        "我的提现一直未到账，已经三天了，请尽快处理！",
        "API接口返回 429 error，rate limit 是多少？",
        "Deposit not yet arrived. TxID: 0xabc. CASE-20240042",
        "ＫＹＣ认证失败 / kyc failed / Kyc",
        "HTTP 503 error from the websocket",
        "nothing to see here",
        "",
        "a",
        "催",
        "margin call on my futures; 杠杆合约强平了",
        "Transfer via SEPA: wire not received. Refund?",
    ];

    [Theory]
    [InlineData("withdrawal.{0,30}pending", new[] { "withdrawal" })]
    [InlineData(@"\bapi\b", new[] { "api" })]
    [InlineData("(?<![a-z])api(?![a-z])", new[] { "api" })]
    [InlineData(@"\b(HTTP )?[45]\d\d error\b", new[] { " error" })]
    [InlineData(@"CASE-\d{4,}", new[] { "case-" })]
    [InlineData("(withdrawal|deposit).{0,20}pending", new[] { "pending" })]
    [InlineData(@"(ref|case|ticket)[-#: ]?[a-z]{2,4}\d{6}", new[] { "ref", "case", "ticket" })]
    [InlineData("(?:提现|充值).{0,10}(失败|未到账)", new[] { "提现", "充值" })]
    [InlineData("提现.{0,10}未到账", new[] { "未到账" })]
    [InlineData("Deposits?", new[] { "deposit" })]
    public void The_required_literal_is_what_every_match_contains(string pattern, string[] expected) =>
        Assert.Equal(expected, RegexLiteral.Required(pattern));

    [Theory]
    [InlineData("withdrawal|deposit")]
    [InlineData("(?x) with drawal")]
    [InlineData(@"\u0041bc")]
    [InlineData("ab.cd")]
    [InlineData("(abc)?def?")]
    [InlineData("[a-z]+")]
    [InlineData("(?i)abc")]
    [InlineData("Ärger")]
    public void Patterns_whose_literal_cannot_be_told_have_none(string pattern)
    {
        var required = RegexLiteral.Required(pattern);
        // Either no literal, or (for "(?i)abc" and "Ärger") a literal that still occurs in every match.
        if (required is not null)
        {
            foreach (var text in new[] { "ABC", "abc", "xxabcxx", "ärger", "ÄRGER" })
            {
                if (new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant).IsMatch(text))
                {
                    Assert.Contains(required, l => text.ToLowerInvariant().Contains(l, StringComparison.Ordinal));
                }
            }
        }
    }

    [Fact]
    public void Wherever_a_pattern_matches_its_required_literal_is_in_the_folded_text()
    {
        string[] patterns =
        [
            "withdrawal.{0,30}pending", @"\bapi\b", "(?<![a-z])api(?![a-z])", @"\b(HTTP )?[45]\d\d error\b", @"CASE-\d{4,}",
            @"(ref|case|ticket)[-#: ]?[a-z]{2,4}\d{6}", "提现.{0,10}(失败|未到账|异常)", "kyc", "deposit.{0,40}(missing|not (yet )?(arrived|received|credited))",
            "margin call", "(?:sepa|swift) ?(wire|transfer)", "refund[?]",
        ];
        var checkedMatches = 0;
        foreach (var pattern in patterns)
        {
            var required = RegexLiteral.Required(pattern);
            Assert.NotNull(required);
            var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            foreach (var text in Texts)
            {
                var width = TextFold.Width(text);
                if (regex.IsMatch(width))
                {
                    checkedMatches++;
                    Assert.Contains(required, l => TextFold.WidthAndCase(text).Contains(l, StringComparison.Ordinal));
                }
            }
        }

        Assert.True(checkedMatches >= 8, $"only {checkedMatches} matches were checked");
    }

    [Fact]
    public void One_scan_finds_exactly_the_keywords_a_search_for_each_would_find()
    {
        string[] keywords = ["withdrawal", "pending", "提现", "未到账", "催", "a", "api", "rate limit", "kyc", "ｋｙｃ", "429", "杠杆合约", "合约强平", "refund?", "not yet", "yesterday, ref"];
        var folded = keywords.Select(TextFold.WidthAndCase).Distinct().ToList();
        var index = KeywordIndex.Build(folded);
        var random = new Random(7);
        var texts = Texts.Concat(Enumerable.Range(0, 200).Select(_ => Mix(random, folded))).ToList();
        foreach (var text in texts.Select(TextFold.WidthAndCase))
        {
            var hits = index.Scan(text);
            for (var id = 0; id < folded.Count; id++)
            {
                Assert.True(
                    KeywordIndex.IsSet(hits, id) == text.Contains(folded[id], StringComparison.Ordinal),
                    $"'{folded[id]}' in '{text}'");
            }
        }
    }

    [Fact]
    public void Routing_without_explanations_decides_exactly_what_explained_evaluation_does()
    {
        var rules = RuleSet.Parse(SampleYaml() + Generated(150), "mixed.yaml");
        Assert.True(rules.Succeeded, string.Join("\n", rules.Errors.Take(5)));
        var random = new Random(11);
        var vocabulary = Vocabulary.Concat(Texts).ToArray();
        var fired = 0;
        for (var i = 0; i < 400; i++)
        {
            var facts = new RoutingFacts
            {
                Mailbox = random.Next(3) switch { 0 => "support@exchange.example", 1 => "security@exchange.example", _ => "compliance@exchange.example" },
                SenderAddress = random.Next(4) == 0 ? "boss@partner.example" : $"user{i}@example.com",
                Subject = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => vocabulary[random.Next(vocabulary.Length)])),
                Text = string.Join(random.Next(2) == 0 ? " " : "", Enumerable.Range(0, random.Next(0, 12)).Select(_ => vocabulary[random.Next(vocabulary.Length)])),
                Language = random.Next(2) == 0 ? "zh" : "en",
                Transactions = random.Next(3) == 0 ? [new("0xabc", "evm")] : [],
                Amounts = random.Next(3) == 0 ? [new(random.Next(1, 30_000), "USDT")] : [],
                AttachmentContentTypes = random.Next(4) == 0 ? ["image/png"] : [],
                AuthenticationFailed = random.Next(5) == 0,
                IsAutoReply = random.Next(8) == 0,
                IsNewTicket = random.Next(3) != 0,
            };
            var explained = rules.RuleSet.Evaluate(facts);
            var routed = rules.RuleSet.Route(facts);
            Assert.Empty(routed.Explanations);
            Assert.Equal(explained.FiredRules, routed.FiredRules);
            Assert.Equal(explained.Explanations.Where(e => e.Matched).Select(e => e.RuleName), routed.FiredRules);
            Assert.Equal(
                (explained.Queue, explained.Category, explained.Priority, explained.SlaPolicy, explained.AssignGroup, explained.AcknowledgementTemplate, explained.AcknowledgementSuppressed, explained.StoppedBy),
                (routed.Queue, routed.Category, routed.Priority, routed.SlaPolicy, routed.AssignGroup, routed.AcknowledgementTemplate, routed.AcknowledgementSuppressed, routed.StoppedBy));
            Assert.Equal(explained.Tags, routed.Tags);
            Assert.Equal(explained.Fields.OrderBy(f => f.Key), routed.Fields.OrderBy(f => f.Key));
            fired += routed.FiredRules.Count;
        }

        Assert.True(fired > 400, $"only {fired} rules fired over 400 messages: the test would not show a difference");
    }

    private static readonly string[] Vocabulary =
    [
        "withdrawal", "pending", "deposit", "not arrived", "提现", "充值", "未到账", "被盗", "hacked", "KYC", "ＫＹＣ", "实名认证", "api", "API接口",
        "websocket", "rate limit", "429", "error", "HTTP", "CASE-12345", "ref ABC123456", "TRC20", "margin", "杠杆", "合约", "催", "any update",
        "capital", "rapid", "fee", "手续费", "thanks", "sanction", "OFAC", "\n", "。", "，",
    ];

    private static string Mix(Random random, List<string> keywords)
    {
        var text = new StringBuilder();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            text.Append(random.Next(3) == 0 ? keywords[random.Next(keywords.Count)] : Vocabulary[random.Next(Vocabulary.Length)]);
            if (random.Next(2) == 0)
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    private static string SampleYaml()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "samples", "rules.yaml")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        return File.ReadAllText(Path.Combine(dir, "samples", "rules.yaml"));
    }

    /// <summary>Rules of every kind, appended to the sample file's (they run after it; the sample stops for some mail).</summary>
    private static string Generated(int count)
    {
        var random = new Random(5);
        var words = Vocabulary.Where(w => w.Trim().Length > 0 && !w.Contains('\n', StringComparison.Ordinal)).ToArray();
        string Words() => "[" + string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"\"{words[random.Next(words.Length)]}\"").Distinct()) + "]";
        var yaml = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            yaml.Append($"  - name: g{i}\n");
            if (random.Next(3) == 0)
            {
                yaml.Append("    applies_to: both\n");
            }

            yaml.Append("    when:\n");
            yaml.Append(random.Next(9) switch
            {
                0 => $"      content_has: {Words()}\n",
                1 => $"      subject_has: {Words()}\n",
                2 => $"      text_has: {Words()}\n",
                3 => "      content_matches: '(ref|case)[-#: ]?[a-z]{0,4}\\d{5,}'\n",
                4 => $"      any:\n        - subject_has: {Words()}\n        - text_matches: '(?<![a-z])api(?![a-z])'\n",
                5 => $"      language: zh\n      not: {{ content_has: {Words()} }}\n",
                6 => "      has: txid\n      amount_over: { USDT: 10000 }\n",
                7 => "      sender_domain: partner.example\n",
                _ => $"      all:\n        - mailbox: support@exchange.example\n        - content_matches: '提现.{{0,10}}(失败|未到账)'\n",
            });
            yaml.Append($"    then: {{ tags: [t{i}]{(random.Next(4) == 0 ? ", priority: high" : "")}{(random.Next(10) == 0 ? ", stop: true" : "")} }}\n");
        }

        return yaml.ToString();
    }
}
