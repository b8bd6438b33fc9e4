using MailTicketing.Imap;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Worker.Configuration;

namespace MailTicketing.Worker.Tests.Imap;

/// <summary>`run --once` reading support@ from the real Dovecot over implicit TLS (the CA file of the test servers).</summary>
public sealed class ImapIngestionDovecotTests : IDisposable
{
    private readonly ImapWorkerHarness _worker = new();

    [DovecotFact]
    public async Task Mail_delivered_by_smtp_becomes_one_ticket_with_its_chinese_subject_and_a_second_run_adds_nothing()
    {
        await using var folders = new DovecotFolders();
        var folder = folders.NewName("smtp");
        var messageId = Guid.NewGuid().ToString("N");
        var subject = "提现未到账，请帮忙查询 " + messageId[..6];
        await DovecotFolders.SendToSupportAsync("alice@customer.example", ImapWorkerHarness.CustomerMail("alice@customer.example", subject, "My withdrawal is still pending. UID: 36925814", messageId));
        await DovecotFolders.MoveFromInboxAsync($"<{messageId}@customer.example>", folder, TimeSpan.FromSeconds(30));
        var imap = ImapWorkerHarness.Dovecot(folder);

        var (exit, output) = await _worker.RunOnceAsync(imap);

        Assert.True(exit == 0, output);
        var ticket = Assert.Single(await _worker.TicketsAsync());
        Assert.Equal(subject, ticket.Subject);
        Assert.Equal("alice@customer.example", ticket.CustomerAddress);
        var info = await DovecotFolders.ExamineAsync(folder);
        var checkpoint = await _worker.CheckpointAsync($"imap:{imap.Host}/{imap.User}/{folder}");
        Assert.NotNull(checkpoint);
        Assert.Equal((long)info.UidValidity.Value, checkpoint.UidValidity);
        Assert.Equal((long)info.UidNext!.Value.Value - 1, checkpoint.LastUid);
        Assert.True(Assert.Single(await DovecotFolders.SummariesAsync(folder)).HasFlag(ImapFlags.Seen), "the processed message is flagged \\Seen");

        var (again, _) = await _worker.RunOnceAsync(imap);

        Assert.Equal(0, again);
        Assert.Single(await _worker.TicketsAsync());
        Assert.Equal(checkpoint.LastUid, (await _worker.CheckpointAsync(checkpoint.Source))!.LastUid);
    }

    [DovecotFact]
    public async Task Processed_action_move_puts_every_ingested_message_into_a_folder_it_creates()
    {
        await using var folders = new DovecotFolders();
        var folder = await folders.CreateAsync("move",
            ImapWorkerHarness.CustomerMail("bob@customer.example", "Deposit missing", "TxID 0x" + new string('a', 64)),
            ImapWorkerHarness.CustomerMail("carol@customer.example", "KYC documents", "Attached later."),
            ImapWorkerHarness.CustomerMail("dave@example.org", "账户被冻结", "UID: 11223344"));
        var done = folders.Track(folder + "-done");
        var imap = ImapWorkerHarness.Dovecot(folder, ImapProcessedAction.Move, done);

        var (exit, output) = await _worker.RunOnceAsync(imap);

        Assert.True(exit == 0, output);
        Assert.Equal(3, (await _worker.TicketsAsync()).Count);
        Assert.Equal(0u, (await DovecotFolders.ExamineAsync(folder)).Exists);
        Assert.Equal(3u, (await DovecotFolders.ExamineAsync(done)).Exists);

        await DovecotFolders.AppendAsync(folder, ImapWorkerHarness.CustomerMail("erin@example.org", "Second withdrawal", "Order 5512"));
        (exit, _) = await _worker.RunOnceAsync(imap);

        Assert.Equal(0, exit);
        Assert.Equal(4, (await _worker.TicketsAsync()).Count);
        Assert.Equal(4u, (await DovecotFolders.ExamineAsync(done)).Exists);
    }

    [DovecotFact]
    public async Task A_changed_uidvalidity_reads_the_folder_again_from_uid_1_without_a_second_ticket_and_records_the_change()
    {
        await using var folders = new DovecotFolders();
        var folder = await folders.CreateAsync("uidv",
            ImapWorkerHarness.CustomerMail("bob@customer.example", "Withdrawal pending", "UID: 55667788"),
            ImapWorkerHarness.CustomerMail("carol@customer.example", "Password reset", "It never arrives."));
        var imap = ImapWorkerHarness.Dovecot(folder, ImapProcessedAction.Leave);
        Assert.Equal(0, (await _worker.RunOnceAsync(imap)).Exit);
        var source = $"imap:{imap.Host}/{imap.User}/{folder}";
        var before = (await _worker.CheckpointAsync(source))!;
        Assert.Equal(2, before.LastUid);

        var renewed = (uint)before.UidValidity + 1000;
        await DovecotFolders.SetUidValidityAsync(folder, renewed);
        await DovecotFolders.AppendAsync(folder, ImapWorkerHarness.CustomerMail("frank@example.org", "Deposit address", "Which network?"));
        var (exit, output) = await _worker.RunOnceAsync(imap);

        Assert.True(exit == 0, output);
        var tickets = await _worker.TicketsAsync();
        Assert.Equal(3, tickets.Count);
        Assert.Equal(3, tickets.Select(t => t.CustomerAddress).Distinct().Count());
        var after = (await _worker.CheckpointAsync(source))!;
        Assert.Equal(renewed, after.UidValidity);
        Assert.Equal(before.UidValidity, after.PreviousUidValidity);
        Assert.Equal(1, after.Rescans);
        Assert.NotNull(after.UidValidityChangedAt);
        Assert.Equal((long)(await DovecotFolders.ExamineAsync(folder)).UidNext!.Value.Value - 1, after.LastUid);
    }

    public void Dispose() => _worker.Dispose();
}
