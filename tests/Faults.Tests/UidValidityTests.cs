using System.Globalization;
using MailTicketing.Faults.Tests.Support;
using MailTicketing.Imap.Tests.Support;
using Xunit.Abstractions;

namespace MailTicketing.Faults.Tests;

/// <summary>
/// The folder deleted and created again with the same mail plus new mail (a server rebuild or
/// a restore from backup): a new UIDVALIDITY, every UID renumbered. The worker notices, reads
/// the folder again from UID 1, recognises the mail it has (same bytes, same Message-ID) and
/// makes tickets only of the new mail; the log line and the checkpoint record the rescan.
/// </summary>
public sealed class UidValidityTests(ITestOutputHelper output)
{
    [FaultFact]
    public async Task A_folder_recreated_with_a_new_uidvalidity_is_read_again_without_a_duplicate_and_the_rescan_is_logged()
    {
        const int Old = 10;
        const int New = 2;
        var run = "uidv-" + Guid.NewGuid().ToString("N")[..8];
        var mails = Enumerable.Range(0, Old + New).Select(i => FaultMail.Customer(run, i)).ToArray();
        await using var folders = new Worker.Tests.Imap.DovecotFolders();
        var folder = await folders.CreateAsync("uidv", mails[..Old]);
        var before = (await Worker.Tests.Imap.DovecotFolders.ExamineAsync(folder)).UidValidity.Value;
        using var setup = new WorkerSetup(folder, MailServer.ImapsPort);
        Assert.Equal(0, (await setup.RunOnceAsync()).Exit);

        await using (var client = await Worker.Tests.Imap.DovecotFolders.LoginAsync())
        {
            await client.DeleteMailboxAsync(folder, CancellationToken.None);
            await client.CreateMailboxAsync(folder, CancellationToken.None);
        }

        await Worker.Tests.Imap.DovecotFolders.AppendAsync(folder, mails);
        if ((await Worker.Tests.Imap.DovecotFolders.ExamineAsync(folder)).UidValidity.Value == before)
        {
            // Recreated within the same second: Dovecot may reuse the time-based value.
            await Worker.Tests.Imap.DovecotFolders.SetUidValidityAsync(folder, before + 1);
        }

        var (exit, worker) = await setup.RunOnceAsync();
        await using (worker)
        {
            Assert.True(exit == 0, worker.Log);
            var (inbound, distinct, quarantined) = setup.Messages();
            Assert.Equal((long)(Old + New), inbound);
            Assert.Equal(inbound, distinct);
            Assert.Equal(0, quarantined);
            Assert.Equal(1, setup.Count("SELECT rescans FROM imap_checkpoints"));
            Assert.Equal((long)before, setup.Count("SELECT previous_uid_validity FROM imap_checkpoints"));
            Assert.Equal((long)(Old + New), setup.CheckpointUid());
            var line = worker.Log.Split('\n').Single(l => l.Contains("UIDVALIDITY of", StringComparison.Ordinal)).Trim();
            output.WriteLine(line);
            FaultReport.Figures(output, string.Create(CultureInfo.InvariantCulture,
                $"uidvalidity-change: folder recreated with {Old} known + {New} new messages: {Old + New} re-read, {inbound - Old} new tickets, duplicates {inbound - distinct}, lost 0; log: \"{line}\""));
        }
    }
}
