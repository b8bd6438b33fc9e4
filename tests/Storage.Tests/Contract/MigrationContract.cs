using MailTicketing.Storage.Tests.Support;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>Migrating: a fresh database gets every script, a migrated one none.</summary>
public abstract class MigrationContract<TProvider> : IAsyncLifetime
    where TProvider : IStoreProvider, new()
{
    private readonly TProvider _provider = new();
    private readonly ManualClock _clock = new(Samples.T0);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task A_fresh_database_gets_every_script_in_order_and_a_second_run_gets_none()
    {
        var database = _provider.CreateDatabase(_clock);

        var first = await database.MigrateAsync(CancellationToken.None);
        var second = await database.MigrateAsync(CancellationToken.None);
        var fromAnotherWorker = await _provider.OpenAgain(database, _clock).MigrateAsync(CancellationToken.None);

        Assert.Equal([0, 1], first.Select(migration => migration.Version).Take(2));
        Assert.Equal(first.Select(migration => migration.Version).Order(), first.Select(migration => migration.Version));
        Assert.All(first, migration => Assert.Equal(Samples.T0, migration.AppliedAt));
        Assert.All(first, migration => Assert.Matches("^[0-9a-f]{64}$", migration.Checksum));
        Assert.Empty(second);
        Assert.Empty(fromAnotherWorker);
    }

    [Fact]
    public async Task Workers_migrating_at_once_apply_each_script_exactly_once()
    {
        var database = _provider.CreateDatabase(_clock);
        var handles = Enumerable.Range(0, 4).Select(_ => _provider.OpenAgain(database, _clock)).ToList();

        var results = await Task.WhenAll(handles.Select(handle => Task.Run(() => handle.MigrateAsync(CancellationToken.None))));

        var versions = results.SelectMany(applied => applied.Select(migration => migration.Version)).Order().ToList();
        Assert.Equal(versions.Distinct(), versions);
        Assert.Contains(1, versions);
    }
}
