using System.Text;
using System.Text.Json;
using MailTicketing.Mime.Mbox;
using Xunit.Abstractions;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// MimeKit's mbox/*-summary.txt list, per message of an mbox, the mbox marker, a few headers
/// and the Content-Type tree (three spaces per level, embedded messages' bodies one level
/// below them); *.unix-offsets.json give each message's byte offset. jwz-summary.txt describes
/// the jwz mbox, which mailcore2 keeps split into files 1..152 in the same order.
/// </summary>
public sealed class MimeKitSummaryTests(ITestOutputHelper output)
{
    private const string MboxFolder = "mimekit/UnitTests/TestData/mbox";
    private const string JwzFolder = "mailcore2/unittest/data/parser/input/mbox/jwz";

    /// <summary>Where MimeKit's tree is wrong or merely different, per message, with the reason (checked against the raw message).</summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        [JwzFolder + "/36"] = ExternalBody,
        [JwzFolder + "/37"] = ExternalBody,
        [JwzFolder + "/45"] = ExternalBody,
        [JwzFolder + "/90"] = ExternalBody,
        [JwzFolder + "/144"] = ExternalBody,
        [JwzFolder + "/132"] = "multipart/report whose Content-Type lost its boundary parameter: we keep the body as one part (MissingBoundary); MimeKit guesses the boundary from the first '--' line",
    };

    private const string ExternalBody =
        "message/external-body stays a leaf for us (its content is a header block pointing elsewhere, RFC 2046 §5.2.3); MimeKit parses that block as an entity";

    [CorpusTheory]
    [InlineData("content-length", 29)]
    [InlineData("issue1189", 4)]
    public void Mbox_splits_where_mimekit_does_and_trees_match(string name, int count)
    {
        CorpusFiles.Require();
        var summary = ReadSummary(CorpusFiles.Path($"{MboxFolder}/{name}-summary.txt"));
        using var offsets = JsonDocument.Parse(File.ReadAllBytes(CorpusFiles.Path($"{MboxFolder}/{name}.unix-offsets.json")));
        var expectedOffsets = offsets.RootElement.EnumerateArray().Select(m => m.GetProperty("mboxMarkerOffset").GetInt64()).ToList();
        Assert.Equal(count, summary.Count);
        Assert.Equal(count, expectedOffsets.Count);

        var problems = new List<string>();
        using var reader = MboxReader.Open(CorpusFiles.Path($"{MboxFolder}/{name}.mbox.txt"));
        var index = 0;
        foreach (var entry in reader.ReadAll())
        {
            if (index >= count)
            {
                problems.Add($"#{index}: more messages than MimeKit found");
                break;
            }

            using var stream = entry.OpenRead();
            using var message = MimeMessage.Load(stream);
            var where = $"{name} #{index}";
            if (entry.Offset != expectedOffsets[index])
            {
                problems.Add($"{where}: at byte {entry.Offset}, expected {expectedOffsets[index]}");
            }

            if (entry.FromLine?.TrimEnd() != summary[index].Marker.TrimEnd())
            {
                problems.Add($"{where}: marker '{entry.FromLine}', expected '{summary[index].Marker}'");
            }

            CompareTree(summary[index], message, where, problems);
            index++;
        }

        Assert.Equal(count, index);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [CorpusFact]
    public void Jwz_trees_match_mimekit_summary()
    {
        CorpusFiles.Require();
        var summary = ReadSummary(CorpusFiles.Path($"{MboxFolder}/jwz-summary.txt"));
        Assert.Equal(152, summary.Count);

        var mismatched = new Dictionary<string, string>();
        var lines = 0;
        for (var i = 0; i < summary.Count; i++)
        {
            var file = $"{JwzFolder}/{i + 1}";
            using var message = MimeMessage.Load(CorpusFiles.Path(file));
            var problems = new List<string>();
            CompareTree(summary[i], message, file, problems);
            lines += summary[i].Tree.Count;
            if (problems.Count > 0)
            {
                mismatched[file] = string.Join("; ", problems);
            }
        }

        output.WriteLine($"MimeKit jwz-summary: {summary.Count - mismatched.Count} of {summary.Count} trees match ({lines} tree lines); {mismatched.Count} differ, {Exceptions.Count} of them documented");
        foreach (var (file, problem) in mismatched)
        {
            output.WriteLine($"  {problem}");
        }

        var unexplained = mismatched.Keys.Where(f => !Exceptions.ContainsKey(f)).ToList();
        var stale = Exceptions.Keys.Where(f => !mismatched.ContainsKey(f)).ToList();
        Assert.True(unexplained.Count == 0, "differences from MimeKit:\n" + string.Join("\n", unexplained.Select(f => mismatched[f])));
        Assert.True(stale.Count == 0, "documented exceptions that now match (remove them): " + string.Join(", ", stale));
        Assert.True(lines >= 600, $"only {lines} tree lines compared");
    }

    private static void CompareTree(SummaryEntry expected, MimeMessage message, string where, List<string> problems)
    {
        var actual = new List<string>();
        Render(message.Body, 0, actual);
        if (!actual.SequenceEqual(expected.Tree, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{where}: tree\n    {string.Join("\n    ", actual)}\n  expected\n    {string.Join("\n    ", expected.Tree)}");
        }
    }

    private static void Render(MimeEntity entity, int depth, List<string> lines)
    {
        lines.Add(new string(' ', 3 * depth) + "Content-Type: " + entity.ContentType.MimeType);
        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart.Children)
                {
                    Render(child, depth + 1, lines);
                }

                break;
            case MessagePart embedded:
                Render(embedded.Message.Body, depth + 1, lines);
                break;
        }
    }

    /// <summary>Entries are separated by empty lines; the first line is the mbox marker, indented "Content-Type:" lines the tree.</summary>
    private static List<SummaryEntry> ReadSummary(string path)
    {
        var entries = new List<SummaryEntry>();
        var text = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var blockLines = block.Split('\n');
            var tree = blockLines.Where(l => l.TrimStart().StartsWith("Content-Type: ", StringComparison.Ordinal)).ToList();
            entries.Add(new SummaryEntry(blockLines[0], tree));
        }

        return entries;
    }

    private sealed record SummaryEntry(string Marker, IReadOnlyList<string> Tree);
}
