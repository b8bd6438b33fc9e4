namespace MailTicketing.Bench.Rules;

/// <param name="RulesFile">The sample rules; the generated rules are inserted before its own.</param>
/// <param name="Generated">How many generated rules to add.</param>
/// <param name="Passes">Measured passes of each kind; the median is reported.</param>
internal sealed record BenchSettings(string RulesFile, string Report, int Count, int Generated, int Passes, int WarmupSeconds, int Seed, string Meta);
