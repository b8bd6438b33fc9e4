namespace MailTicketing.Bench.Ingest;

/// <summary>One generated message on disk and the mailbox it was delivered to (a line "mailbox TAB path" of the list file).</summary>
internal sealed record MailFile(string Mailbox, string Path, string Kind)
{
    public static IReadOnlyList<MailFile> ReadList(string listFile) =>
        [.. File.ReadAllLines(listFile).Where(line => line.Length > 0).Select(line => line.Split('\t')).Select(f => new MailFile(f[0], f[1], f[2]))];

    public static void WriteList(string listFile, IEnumerable<MailFile> files) =>
        File.WriteAllLines(listFile, files.Select(f => $"{f.Mailbox}\t{f.Path}\t{f.Kind}"));
}
