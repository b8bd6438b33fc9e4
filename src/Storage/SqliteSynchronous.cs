namespace MailTicketing.Storage;

/// <summary>How hard SQLite works to keep a commit through a power loss (PRAGMA synchronous, in WAL mode).</summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// The WAL is synced at checkpoints only. A commit survives the process crashing; a power loss
    /// or OS crash may lose the last commits, never corrupting the file. The default: several times
    /// faster, and ingestion re-reads its sources on restart for anything not recorded.
    /// </summary>
    Normal,

    /// <summary>The WAL is synced at every commit: a commit survives power loss too, at the cost of one fsync per transaction.</summary>
    Full,
}
