using System.Text;
using MailTicketing.Mime.Mbox;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// Every message of the shared corpus parses, everything readable from it reads without an
/// exception, and no part is lost (see <see cref="MessageProbe"/>). One test per corpus group;
/// a failure lists every file that failed, not just the first.
/// </summary>
public sealed class CorpusParseTests
{
    public static TheoryData<string> Groups() => CorpusFiles.GroupData();

    [CorpusTheory]
    [MemberData(nameof(Groups))]
    public void Every_message_in_the_group_parses_and_loses_no_part(string groupName)
    {
        var group = CorpusFiles.Group(groupName);
        var files = CorpusFiles.Messages(group);
        Assert.True(files.Count >= group.MinimumMessages, $"{groupName}: {files.Count} messages found, expected at least {group.MinimumMessages}");

        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                using var message = MimeMessage.Load(CorpusFiles.Path(file));
                failures.AddRange(MessageProbe.Probe(message).Select(p => $"{file}: {p}"));
            }
            catch (Exception exception)
            {
                failures.Add($"{file}: {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems in {files.Count} messages:\n" + string.Join("\n", failures));
    }

    [CorpusFact]
    public void Every_corpus_file_is_a_message_of_one_group_an_mbox_or_metadata()
    {
        CorpusFiles.Require();
        var grouped = CorpusFiles.Groups.SelectMany(CorpusFiles.Messages).ToList();
        var duplicates = grouped.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var unclaimed = CorpusFiles.AllFiles()
            .Where(f => CorpusFiles.IsMessage(f) && !grouped.Contains(f))
            .ToList();

        Assert.Empty(duplicates);
        Assert.True(unclaimed.Count == 0, "messages in no group: " + string.Join(", ", unclaimed));
        Assert.All(CorpusFiles.Mboxes, m => Assert.True(File.Exists(CorpusFiles.Path(m.Path)), m.Path));
    }

    [CorpusFact]
    public void Every_mbox_splits_into_its_messages_and_each_parses_and_loses_no_part()
    {
        CorpusFiles.Require();
        var failures = new List<string>();
        var total = 0;
        foreach (var (path, expected) in CorpusFiles.Mboxes)
        {
            var count = 0;
            try
            {
                using var reader = MboxReader.Open(CorpusFiles.Path(path));
                foreach (var entry in reader.ReadAll())
                {
                    count++;
                    using var stream = entry.OpenRead();
                    using var message = MimeMessage.Load(stream);
                    failures.AddRange(MessageProbe.Probe(message).Select(p => $"{path} #{entry.Index}: {p}"));
                }
            }
            catch (Exception exception)
            {
                failures.Add($"{path} #{count}: {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}");
            }

            if (count != expected)
            {
                failures.Add($"{path}: {count} messages, expected {expected}");
            }

            total += count;
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(total >= 80, $"only {total} messages read from the mbox files");
    }

    [CorpusFact]
    public void Sisimai_pieces_of_mbox_0_are_its_messages()
    {
        // maildir/err holds mbox-0 cut into files (LF) by sisimai; most are byte-identical to our split up to line endings.
        CorpusFiles.Require();
        var pieces = Directory.GetFiles(CorpusFiles.Path("sisimai/maildir/err"))
            .Select(f => Normalize(File.ReadAllBytes(f)))
            .ToHashSet();
        var matched = 0;
        using var reader = MboxReader.Open(CorpusFiles.Path("sisimai/mailbox/mbox-0"));
        foreach (var entry in reader.ReadAll())
        {
            using var stream = entry.OpenRead();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            matched += pieces.Contains(Normalize(copy.ToArray())) ? 1 : 0;
        }

        // 4 of the 37 pieces were edited by hand upstream; the other 33 must match.
        Assert.True(matched >= 33, $"{matched} of 37 mbox-0 messages equal a maildir/err piece");
    }

    private static string Normalize(byte[] bytes) =>
        Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
}
