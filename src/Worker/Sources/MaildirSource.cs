using System.Globalization;
using MailTicketing.Tickets.Ingestion;

namespace MailTicketing.Worker.Sources;

/// <summary>
/// Reads a Maildir (what Dovecot and Postfix write): every file in new/ and cur/, oldest
/// delivery first. The key is the file's unique name without the ":2,flags" info, which a
/// mail client may change; the folder is never modified, so samples in the repository stay as they are.
/// </summary>
public sealed class MaildirSource(string mailbox, string directory)
{
    public string Mailbox { get; } = mailbox;

    public string Directory { get; } = Path.GetFullPath(directory);

    public string SourceName => "maildir:" + Directory;

    public bool Exists => System.IO.Directory.Exists(Path.Combine(Directory, "cur")) || System.IO.Directory.Exists(Path.Combine(Directory, "new"));

    /// <summary>Every message with its delivery time in seconds (from the unique name), oldest first.</summary>
    public IEnumerable<(long DeliverySeconds, IncomingMail Mail)> Read()
    {
        var files = new List<(string Path, string Key)>();
        foreach (var sub in (string[])["new", "cur"])
        {
            var folder = Path.Combine(Directory, sub);
            if (!System.IO.Directory.Exists(folder))
            {
                continue;
            }

            foreach (var path in System.IO.Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(path);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                var colon = name.IndexOf(':', StringComparison.Ordinal);
                files.Add((path, colon >= 0 ? name[..colon] : name));
            }
        }

        // Unique names start with the delivery time in seconds (maildir(5)); order by it, then by name.
        foreach (var (path, key) in files.OrderBy(f => DeliverySeconds(f.Key)).ThenBy(f => f.Key, StringComparer.Ordinal))
        {
            yield return (DeliverySeconds(key), new IncomingMail(Mailbox, SourceName, key, () => File.OpenRead(path)));
        }
    }

    /// <summary>Messages of several Maildirs merged in delivery order, so mail that reached two mailboxes threads as it arrived.</summary>
    public static IEnumerable<IncomingMail> Merge(IEnumerable<MaildirSource> sources) =>
        sources.SelectMany(s => s.Read())
            .OrderBy(item => item.DeliverySeconds)
            .ThenBy(item => item.Mail.Mailbox, StringComparer.Ordinal)
            .ThenBy(item => item.Mail.SourceKey, StringComparer.Ordinal)
            .Select(item => item.Mail);

    private static long DeliverySeconds(string uniqueName)
    {
        var dot = uniqueName.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && long.TryParse(uniqueName.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : long.MaxValue;
    }
}
