namespace MailTicketing.Storage.Tests.Support;

/// <summary>SQLite files in a temporary folder, removed afterwards.</summary>
public sealed class SqliteProvider : IStoreProvider
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mailticketing-storage-").FullName;
    private readonly List<SqliteDatabase> _opened = [];

    public string Folder => _folder;

    public ITicketDatabase CreateDatabase(TimeProvider clock) =>
        Open(Path.Combine(_folder, $"tickets-{_opened.Count}.db"), clock);

    public ITicketDatabase OpenAgain(ITicketDatabase database, TimeProvider clock) =>
        Open(((SqliteDatabase)database).Path, clock);

    public SqliteDatabase Open(string path, TimeProvider clock, SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        var database = new SqliteDatabase(new SqliteDatabaseOptions { Path = path, Clock = clock, Synchronous = synchronous });
        _opened.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections and the checkpointer keep the files open; release them before deleting the folder.
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A stream a test left open; the folder is in the temp directory anyway.
        }
    }
}
