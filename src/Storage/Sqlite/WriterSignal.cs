using System.Diagnostics;

namespace MailTicketing.Storage.Sqlite;

/// <summary>
/// A file beside the database through which a writer waiting for SQLite's write lock tells the
/// writers of other processes (another worker, an operator's `tickets set-status`) to leave it a
/// gap. SQLite's lock is not fair: a writer that commits and begins again at once (ingestion,
/// batch after batch) frees it for microseconds, and a waiter in another process, polling,
/// almost never lands in that gap. A writer holds a shared lock on the file from the moment it
/// asks for the write lock until its transaction has begun; a writer about to ask that finds
/// the file locked by another waits until the other is in. Writers that do not know the file
/// (an sqlite3 shell) are not helped and do not help.
/// </summary>
internal sealed class WriterSignal(string databasePath)
{
    // A waiter polls every millisecond; should it lose the lock in the moment before its
    // transaction begins, Microsoft.Data.Sqlite tries again after 150 ms: the pause outlasts
    // that, and otherwise only bounds the cost of a waiter that stalls.
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(300);

    public string Path { get; } = databasePath + "-writers";

    /// <summary>Says "a writer asks for the lock" until disposed; null where the file cannot be opened (the writer then goes unannounced).</summary>
    public IDisposable? Announce()
    {
        try
        {
            // .NET takes a shared advisory lock (flock LOCK_SH) for any sharing but None.
            return File.OpenHandle(Path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Before asking for the write lock: waits while a writer of another process asks for it.</summary>
    public async Task GiveWayAsync(CancellationToken cancellationToken)
    {
        if (!SomeoneWaits())
        {
            return;
        }

        var paused = Stopwatch.StartNew();
        do
        {
            await Task.Delay(1, cancellationToken);
        }
        while (SomeoneWaits() && paused.Elapsed < LongestPause);
    }

    private bool SomeoneWaits()
    {
        if (!File.Exists(Path))
        {
            return false; // no waiter ever announced itself here
        }

        try
        {
            // Exclusive (flock LOCK_EX, not blocking): refused while any waiter holds its shared lock.
            using var probe = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
