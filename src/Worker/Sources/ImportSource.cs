using MailTicketing.Mime;
using MailTicketing.Tickets.Ingestion;

namespace MailTicketing.Worker.Sources;

/// <summary>
/// Reads an import: one .eml file, a folder of them (recursively), or an mbox file. Messages
/// are handed out in the order they were received (first Received header, else Date), so a
/// backlog threads as it would have live.
/// </summary>
public sealed class ImportSource(string mailbox, string path) : IDisposable
{
    private SpooledMbox? _spooled;

    private const int HeaderPeekBytes = 256 * 1024;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string SourceName => "import:" + Path;

    public IReadOnlyList<IncomingMail> Read()
    {
        if (Directory.Exists(Path))
        {
            var files = Directory.EnumerateFiles(Path, "*.eml", SearchOption.AllDirectories)
                .Select(file => (File: file, Key: System.IO.Path.GetRelativePath(Path, file)));
            return InReceivedOrder(files.Select(f => new IncomingMail(mailbox, SourceName, f.Key, () => File.OpenRead(f.File))));
        }

        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"Nothing to import at {Path}.", Path);
        }

        if (MboxFile.LooksLikeMbox(Path))
        {
            _spooled ??= MboxFile.Spool(mailbox, SourceName, Path);
            return InReceivedOrder(_spooled.Mails);
        }

        var single = Path;
        return [new IncomingMail(mailbox, SourceName, System.IO.Path.GetFileName(single), () => File.OpenRead(single))];
    }

    public void Dispose() => _spooled?.Dispose();

    private static List<IncomingMail> InReceivedOrder(IEnumerable<IncomingMail> mails) =>
        mails.Select(m => (Mail: m, At: PeekReceivedTime(m)))
            .OrderBy(x => x.At ?? DateTimeOffset.MaxValue)
            .ThenBy(x => x.Mail.SourceKey, StringComparer.Ordinal)
            .Select(x => x.Mail)
            .ToList();

    /// <summary>Reads only the header block (up to 256 KiB) to learn when a message was received.</summary>
    private static DateTimeOffset? PeekReceivedTime(IncomingMail mail)
    {
        using var stream = mail.Open();
        var buffer = new byte[HeaderPeekBytes];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, length);
        var end = span.IndexOf("\n\r\n"u8) is var crlf and >= 0 ? crlf : span.IndexOf("\n\n"u8);
        using var headers = MimeMessage.Parse(end >= 0 ? span[..(end + 1)] : span);
        return ReceivedTime.Of(headers);
    }
}
