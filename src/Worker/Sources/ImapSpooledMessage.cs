using MailTicketing.Imap;

namespace MailTicketing.Worker.Sources;

/// <summary>
/// One fetched message kept until its transaction committed: ingestion opens it several times
/// (hash, store, parse), but the server's stream can be read once, inside the fetch callback.
/// Small messages stay in memory; larger ones go to a file in the spool folder, deleted on dispose.
/// </summary>
internal sealed class ImapSpooledMessage : IDisposable
{
    /// <summary>Messages up to this size are kept in memory (most support mail is far smaller).</summary>
    public const int MemoryLimit = 1024 * 1024;

    private readonly byte[]? _bytes;
    private readonly int _length;
    private readonly string? _path;

    private ImapSpooledMessage(ImapUid uid, byte[]? bytes, int length, string? path)
    {
        Uid = uid;
        _bytes = bytes;
        _length = length;
        _path = path;
    }

    public ImapUid Uid { get; }

    public Stream Open() => _bytes is not null
        ? new MemoryStream(_bytes, 0, _length, writable: false)
        : new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);

    /// <summary>Copies the body to memory or to a new file in <paramref name="spoolDirectory"/>; call it inside the fetch callback.</summary>
    public static async Task<ImapSpooledMessage> SpoolAsync(ImapMessageSummary summary, Stream body, string spoolDirectory, CancellationToken cancellationToken)
    {
        if (summary.Size is { } size and <= MemoryLimit)
        {
            var buffer = new MemoryStream((int)size);
            await body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length <= MemoryLimit)
            {
                return new ImapSpooledMessage(summary.Uid, buffer.GetBuffer(), (int)buffer.Length, null);
            }

            // RFC822.SIZE was wrong; keep what came on disk like any large message.
            return await ToFileAsync(summary.Uid, buffer, spoolDirectory, cancellationToken);
        }

        Directory.CreateDirectory(spoolDirectory);
        var path = Path.Combine(spoolDirectory, Guid.NewGuid().ToString("N") + ".eml");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await body.CopyToAsync(file, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return new ImapSpooledMessage(summary.Uid, null, 0, path);
    }

    public void Dispose()
    {
        if (_path is not null)
        {
            try
            {
                File.Delete(_path);
            }
            catch (IOException)
            {
                // Left behind at worst; the spool folder holds nothing else of value.
            }
        }
    }

    private static async Task<ImapSpooledMessage> ToFileAsync(ImapUid uid, MemoryStream buffer, string spoolDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(spoolDirectory);
        var path = Path.Combine(spoolDirectory, Guid.NewGuid().ToString("N") + ".eml");
        await File.WriteAllBytesAsync(path, buffer.ToArray(), cancellationToken);
        return new ImapSpooledMessage(uid, null, 0, path);
    }
}
