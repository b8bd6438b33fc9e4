using MailTicketing.Mime.Mbox;
using MailTicketing.Tickets.Ingestion;

namespace MailTicketing.Worker.Sources;

/// <summary>
/// Splits an mbox into one temporary file per message, because ingestion reads a message
/// several times (hash, store, parse) and the mbox reader goes forward only. The temporary
/// folder is removed when the returned <see cref="SpooledMbox"/> is disposed.
/// </summary>
public static class MboxFile
{
    /// <summary>An mbox starts with a "From " separator line (RFC 4155).</summary>
    public static bool LooksLikeMbox(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> start = stackalloc byte[5];
        return stream.ReadAtLeast(start, 5, throwOnEndOfStream: false) == 5 && start.SequenceEqual("From "u8);
    }

    public static SpooledMbox Spool(string mailbox, string source, string path)
    {
        var folder = Directory.CreateTempSubdirectory("mailticketing-mbox-");
        var mails = new List<IncomingMail>();
        try
        {
            using var reader = MboxReader.Open(path);
            foreach (var entry in reader.ReadAll())
            {
                var file = Path.Combine(folder.FullName, $"{entry.Index:D7}.eml");
                using (var content = entry.OpenRead())
                using (var output = File.Create(file))
                {
                    content.CopyTo(output);
                }

                // The index and the separator's offset name the message within this file.
                mails.Add(new IncomingMail(mailbox, source, $"#{entry.Index}@{entry.Offset}", () => File.OpenRead(file)));
            }
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }

        return new SpooledMbox(folder.FullName, mails);
    }
}

/// <summary>Messages of an mbox spooled to a temporary folder, deleted on dispose.</summary>
public sealed class SpooledMbox(string folder, IReadOnlyList<IncomingMail> mails) : IDisposable
{
    public IReadOnlyList<IncomingMail> Mails { get; } = mails;

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
