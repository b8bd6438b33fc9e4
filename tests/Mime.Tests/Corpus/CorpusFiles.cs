using MailTicketing.Mime.Tests.Support;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// Finds the messages in ../shared/corpus (INDEX.md describes it). Every file is a message,
/// an mbox, or metadata; the groups name folders and say how many messages each must at least
/// yield, so a selector that stops matching fails instead of passing on nothing.
/// </summary>
internal static class CorpusFiles
{
    /// <summary>Test groups: a name, the folders it takes (relative to the corpus root, first match wins), and its minimum message count.</summary>
    public static readonly IReadOnlyList<CorpusGroup> Groups =
    [
        new("discourse", ["discourse"], 5),
        new("enmime", ["enmime"], 90),
        new("flanker", ["flanker"], 48),
        new("mailcore2", ["mailcore2"], 202),
        new("mailparser", ["mailparser"], 11),
        new("mikel-mail", ["mikel-mail"], 104),
        new("mimekit", ["mimekit"], 42),
        new("rt", ["rt"], 60),
        new("sisimai-bsd", ["sisimai/maildir/bsd"], 629),
        new("sisimai-dos", ["sisimai/maildir/dos"], 80),
        new("sisimai-mac", ["sisimai/maildir/mac"], 80),
        new("sisimai-other", ["sisimai/maildir/err", "sisimai/maildir/not", "sisimai/maildir/tmp", "sisimai/to-be-debugged-because"], 47),
        new("spamassassin", ["spamassassin"], 5),
        new("stalwart-mail-parser", ["stalwart-mail-parser"], 53),
        new("zammad", ["zammad"], 121),
    ];

    /// <summary>mbox files, read through MboxReader, with the number of messages each holds.</summary>
    public static readonly IReadOnlyList<(string Path, int Messages)> Mboxes =
    [
        ("mimekit/UnitTests/TestData/mbox/content-length.mbox.txt", 29),
        ("mimekit/UnitTests/TestData/mbox/issue1189.mbox.txt", 4),
        ("mimekit/UnitTests/TestData/mbox/simple.mbox.txt", 3),
        // Two messages whose bodies hold an unescaped "From Russia with love" after an empty
        // line: mboxo cannot tell that from a separator, so the file reads as four.
        ("mimekit/UnitTests/TestData/mbox/unmunged.mbox.txt", 4),
        ("sisimai/mailbox/mbox-0", 37),
        ("sisimai/mailbox/mbox-1", 1),
        ("sisimai/mailbox/size-0", 0),
        ("sisimai/mailbox/size-1", 1),
        ("sisimai/mailbox/size-2", 1),
    ];

    private static readonly string[] MetadataExtensions = [".md", ".yml", ".json", ".tsv", ".list", ".tnef", ".upstream"];

    private static readonly string[] MetadataNames = ["COPYING", "README", ".gitattributes"];

    public static string Root => TestPaths.CorpusRoot;

    public static bool IsPresent => File.Exists(System.IO.Path.Combine(Root, "INDEX.md"));

    public static string MissingReason => $"the shared mail corpus was not found at {Root}";

    public static string GroupNames => string.Join(", ", Groups.Select(g => g.Name));

    /// <summary>Fails (rather than skips) when the corpus is missing: the attributes only let a test run then on CI.</summary>
    public static void Require() => Assert.True(IsPresent, MissingReason);

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static TheoryData<string> GroupData()
    {
        var data = new TheoryData<string>();
        foreach (var group in Groups)
        {
            data.Add(group.Name);
        }

        return data;
    }

    public static CorpusGroup Group(string name) => Groups.Single(g => g.Name == name);

    /// <summary>The group's message files, relative to the corpus root with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> Messages(CorpusGroup group)
    {
        Require();
        var taken = Groups.TakeWhile(g => g != group).SelectMany(g => g.Folders).ToList();
        var files = new List<string>();
        foreach (var folder in group.Folders)
        {
            var directory = Path(folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            {
                var relative = Relative(file);
                if (IsMessage(relative) && !taken.Any(t => relative.StartsWith(t + "/", StringComparison.Ordinal)))
                {
                    files.Add(relative);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Every file of the corpus, relative, for the check that nothing falls between the groups.</summary>
    public static IEnumerable<string> AllFiles() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(Relative);

    public static bool IsMbox(string relative) => Mboxes.Any(m => m.Path == relative);

    /// <summary>Metadata: descriptions, licences, expected results, TNEF blobs, mbox offsets, non-mail text samples.</summary>
    public static bool IsMetadata(string relative)
    {
        var name = System.IO.Path.GetFileName(relative);
        return MetadataExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || MetadataNames.Contains(name)
            || name.StartsWith("LICENSE", StringComparison.Ordinal)
            || name.StartsWith("PROVENANCE", StringComparison.Ordinal)
            || name.EndsWith("-summary.txt", StringComparison.Ordinal)
            || relative.StartsWith("mailcore2/unittest/data/parser/output/", StringComparison.Ordinal)
            || relative.StartsWith("mailcore2/unittest/data/summary/output/", StringComparison.Ordinal)
            // Raw text in four charsets for charset detection, not mail.
            || relative.StartsWith("mailcore2/unittest/data/charset-detection/", StringComparison.Ordinal);
    }

    public static bool IsMessage(string relative) => !IsMetadata(relative) && !IsMbox(relative);

    private static string Relative(string file) => System.IO.Path.GetRelativePath(Root, file).Replace('\\', '/');
}
