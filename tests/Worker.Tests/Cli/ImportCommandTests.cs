using System.Text;
using MailTicketing.Worker.Cli;
using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace MailTicketing.Worker.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mt-import-").FullName;

    [Fact]
    public async Task Mbox_import_threads_in_received_order_and_a_second_import_changes_nothing()
    {
        // Written newest first: the reply (by tag) must still join the ticket its original opens.
        var mbox = Path.Combine(_root, "backlog.mbox");
        File.WriteAllText(mbox, string.Join("\n",
            "From lin@example.cn Tue Mar 19 10:00:00 2024",
            "From: lin@example.cn",
            "To: support@exchange.example",
            "Subject: =?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("回复: [Ticket#SUP-000001] 提现未到账")) + "?=",
            "Date: Tue, 19 Mar 2024 10:00:00 +0800",
            "Message-ID: <second@example.cn>",
            "",
            ">From the app it still shows pending.",
            "",
            "From lin@example.cn Mon Mar 18 10:00:00 2024",
            "From: lin@example.cn",
            "To: support@exchange.example",
            "Subject: withdrawal pending",
            "Date: Mon, 18 Mar 2024 10:00:00 +0800",
            "Message-ID: <first@example.cn>",
            "",
            "My withdrawal is pending. UID: 36925814",
            ""));

        var (exit, output) = await ImportAsync(mbox, "support");
        Assert.Equal(0, exit);
        Assert.Matches(@"support\s*│\s*2\s*│\s*1\s*│\s*1\s*│", output);

        var (again, secondOutput) = await ImportAsync(mbox, "support");
        Assert.Equal(0, again);
        Assert.Contains("2 already ingested before", secondOutput);
    }

    [Fact]
    public async Task Folder_import_reads_every_eml_below_it_and_unknown_mailbox_is_refused()
    {
        var folder = Path.Combine(_root, "eml", "nested");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < 3; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"{i}.eml"), $"From: c{i}@example.com\nTo: compliance@exchange.example\nSubject: KYC {i}\nDate: Mon, 18 Mar 2024 1{i}:00:00 +0000\nMessage-ID: <kyc{i}@example.com>\n\nDocuments attached later.\n");
        }

        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not mail");
        var (exit, output) = await ImportAsync(Path.Combine(_root, "eml"), "compliance");
        Assert.Equal(0, exit);
        Assert.Matches(@"compliance\s*│\s*3\s*│\s*3\s*│", output);

        var (refused, _) = await ImportAsync(folder, "billing");
        Assert.Equal(2, refused);
    }

    private async Task<(int Exit, string Output)> ImportAsync(string path, string mailbox)
    {
        var mailboxes = WorkerOptions.DefaultMailboxes();
        mailboxes.ForEach(m => m.Maildir = null);
        var options = new WorkerOptions { DataDirectory = Path.Combine(_root, "data"), Mailboxes = mailboxes };
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        var context = new CommandContext(options, console, new StringWriter(), NullLoggerFactory.Instance, TimeProvider.System);
        var exit = await ImportCommand.RunAsync(context, path, mailbox, CancellationToken.None);
        return (exit, output.ToString());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
