namespace MailTicketing.Bench.Ingest;

/// <summary>The generated message sets: the measured one on disk (cached), and batches in memory.</summary>
internal static class MailSet
{
    /// <summary>The measured set starts here; the pre-existing tickets come from the year before.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Mail arrives over this many days, whatever the count: a bigger set is a busier desk.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(60);

    /// <summary>Writes <paramref name="count"/> messages as .eml files (reused while version, seed and count are unchanged); returns the list file.</summary>
    public static string Write(string work, int count, int seed, TextWriter log)
    {
        var folder = Path.Combine(work, $"mail-{count}-{seed}");
        var list = Path.Combine(folder, "files.list");
        var stamp = Path.Combine(folder, ".complete");
        var expected = $"{MailGenerator.Version} seed={seed} count={count}";
        if (File.Exists(stamp) && File.ReadAllText(stamp) == expected)
        {
            log.WriteLine($"mail: reusing {folder}");
            return list;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var files = new List<MailFile>();
        long bytes = 0;
        foreach (var mail in Batch(seed, count, count, null))
        {
            var path = Path.Combine(folder, mail.Name);
            File.WriteAllBytes(path, mail.Bytes);
            files.Add(new MailFile(mail.Mailbox, path, mail.Kind));
            bytes += mail.Bytes.Length;
        }

        MailFile.WriteList(list, files);
        File.WriteAllText(stamp, expected);
        log.WriteLine($"mail: wrote {files.Count:N0} messages, {bytes / 1e6:F1} MB, to {folder}");
        return list;
    }

    /// <summary>
    /// The first <paramref name="take"/> messages of the measured set of <paramref name="count"/>, in memory: with no
    /// offsets, the same bytes as the files. Offsets move the ticket tags for a database that holds tickets already.
    /// </summary>
    public static IEnumerable<GeneratedMail> Batch(int seed, int count, int take, IReadOnlyDictionary<string, long>? tagOffsets) =>
        new MailGenerator(seed, count, Start, Span, realm: "", tagOffsets).Generate(take);
}
