namespace MailTicketing.Bench.Rules;

/// <summary>What the rules did to the messages: shows the generated rules take part, not only run.</summary>
internal sealed record FiredStats(double AverageFired, int MessagesWithGeneratedRule, IReadOnlyDictionary<string, int> Queues);
