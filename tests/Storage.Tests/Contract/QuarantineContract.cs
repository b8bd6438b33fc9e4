using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>Quarantine: kept with its reason, listed, replayed.</summary>
public abstract class QuarantineContract<TProvider> : StoreContract<TProvider>
    where TProvider : IStoreProvider, new()
{
    private async Task<string> StoreRawAsync(string text)
    {
        var (sha, bytes) = Samples.Content(text);
        await InSessionAsync(async session =>
        {
            await session.PutBlobAsync(sha, new MemoryStream(bytes), compress: true);
            return 0;
        });
        return sha;
    }

    [Fact]
    public async Task A_quarantined_message_is_listed_and_read_back_field_for_field()
    {
        var sha = await StoreRawAsync("unparseable");
        Clock.Now = Samples.T0.AddMinutes(1);

        var id = await InSessionAsync(session => session.QuarantineAsync(Samples.Quarantine(sha)));
        var entry = await Store.GetQuarantineAsync(id, Ct);

        var expected = new QuarantineEntry(
            id, "support", "maildir:/srv/mail/support", "cur/1.eml", sha, 42_000_000, "too-large", "42 MB over the 25 MB limit",
            Samples.T0, Samples.T0.AddMinutes(1), null);
        Assert.Equal(expected, entry);
        Assert.Equal([expected], await Store.ListQuarantineAsync(includeReplayed: false, Ct));
        Assert.Null(await Store.GetQuarantineAsync(id + 1, Ct));
    }

    [Fact]
    public async Task A_replayed_entry_leaves_the_default_list_but_not_the_full_one()
    {
        var sha = await StoreRawAsync("unparseable");
        var first = await InSessionAsync(session => session.QuarantineAsync(Samples.Quarantine(sha, "cur/1.eml")));
        var second = await InSessionAsync(session => session.QuarantineAsync(Samples.Quarantine(sha, "cur/2.eml")));

        await InSessionAsync(async session =>
        {
            await session.MarkQuarantineReplayedAsync(first, Samples.T0.AddHours(1));
            return 0;
        });

        Assert.Equal([second], (await Store.ListQuarantineAsync(includeReplayed: false, Ct)).Select(entry => entry.Id));
        Assert.Equal([first, second], (await Store.ListQuarantineAsync(includeReplayed: true, Ct)).Select(entry => entry.Id));
        Assert.Equal(Samples.T0.AddHours(1), (await Store.GetQuarantineAsync(first, Ct))!.ReplayedAt);
    }

    [Fact]
    public async Task Quarantining_the_same_source_item_again_keeps_one_entry_with_the_latest_reason()
    {
        var sha = await StoreRawAsync("unparseable");
        var first = await InSessionAsync(session => session.QuarantineAsync(Samples.Quarantine(sha, reason: "too-large")));
        await InSessionAsync(async session =>
        {
            await session.MarkQuarantineReplayedAsync(first, Samples.T0.AddHours(1));
            return 0;
        });

        var again = await InSessionAsync(session => session.QuarantineAsync(Samples.Quarantine(sha, reason: "parse-error")));
        var entry = Assert.Single(await Store.ListQuarantineAsync(includeReplayed: true, Ct));

        Assert.Equal(first, again);
        Assert.Equal(("parse-error", (DateTimeOffset?)null), (entry.Reason, entry.ReplayedAt));
    }

    [Fact]
    public async Task Marking_an_unknown_entry_replayed_throws()
    {
        await using var session = await Store.BeginAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.MarkQuarantineReplayedAsync(404, Samples.T0));
    }
}
