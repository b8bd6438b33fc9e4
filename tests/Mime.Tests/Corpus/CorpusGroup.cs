namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>A set of corpus folders tested together, and the fewest messages it may yield.</summary>
internal sealed record CorpusGroup(string Name, IReadOnlyList<string> Folders, int MinimumMessages);
