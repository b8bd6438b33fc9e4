using System.Text;
using MailTicketing.Imap;
using MailTicketing.Imap.Tests.Support;
using MailTicketing.Storage;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Cli;
using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace MailTicketing.Worker.Tests.Imap;

/// <summary>
/// Runs `run --once` with one mailbox read over IMAP, in a data folder of its own, and reads back
/// what it stored. Each test gets its own folder on the shared Dovecot, so tests never see each other's mail.
/// </summary>
internal sealed class ImapWorkerHarness : IDisposable
{
    public const string PasswordVariable = "MT_WORKER_TEST_IMAP_PASSWORD";

    private readonly string _root = Directory.CreateTempSubdirectory("mt-imap-worker-").FullName;

    public string DataDirectory => Path.Combine(_root, "data");

    public string DatabasePath => Path.Combine(DataDirectory, "mailticketing.db");

    /// <summary>The support mailbox read from <paramref name="folder"/> of support@ on the test Dovecot over implicit TLS.</summary>
    public static ImapMailboxOptions Dovecot(string folder, ImapProcessedAction processed = ImapProcessedAction.Flag, string? processedFolder = null)
    {
        Environment.SetEnvironmentVariable(PasswordVariable, MailServer.Password);
        return new ImapMailboxOptions
        {
            Host = MailServer.Host,
            Port = MailServer.ImapsPort,
            Security = ImapSecurity.ImplicitTls,
            User = MailServer.Staff("support"),
            PasswordVariable = PasswordVariable,
            CaFile = MailServer.CaFile,
            Folder = folder,
            Processed = processed,
            ProcessedFolder = processedFolder,
            CommandTimeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>When set, acknowledgements leave over SMTP instead of into the pickup folder.</summary>
    public SmtpOptions? Smtp { get; set; }

    public WorkerOptions Options(ImapMailboxOptions imap)
    {
        var mailboxes = WorkerOptions.DefaultMailboxes();
        mailboxes.ForEach(m => m.Maildir = null);
        mailboxes[0].Imap = imap;
        return new WorkerOptions { DataDirectory = DataDirectory, Mailboxes = mailboxes, Smtp = Smtp };
    }

    public async Task<(int Exit, string Output)> RunOnceAsync(ImapMailboxOptions imap)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        var context = new CommandContext(Options(imap), console, new StringWriter(), NullLoggerFactory.Instance, TimeProvider.System);
        var exit = await RunCommand.RunAsync(context, once: true, CancellationToken.None);
        return (exit, output.ToString());
    }

    public async Task<IReadOnlyList<TicketRecord>> TicketsAsync()
    {
        await using var database = new SqliteDatabase(new SqliteDatabaseOptions { Path = DatabasePath });
        return await database.CreateTicketStore().ListTicketsAsync(new TicketQuery(Limit: 1000), CancellationToken.None);
    }

    public async Task<TicketDetails?> DetailsAsync(TicketNumber number)
    {
        await using var database = new SqliteDatabase(new SqliteDatabaseOptions { Path = DatabasePath });
        return await database.CreateTicketStore().GetTicketAsync(number, CancellationToken.None);
    }

    public async Task<ImapCheckpoint?> CheckpointAsync(string source)
    {
        await using var database = new SqliteDatabase(new SqliteDatabaseOptions { Path = DatabasePath });
        return await database.CreateTicketStore().GetImapCheckpointAsync(source, CancellationToken.None);
    }

    /// <summary>A message from a customer with a unique Message-ID; <paramref name="subject"/> may be any Unicode.</summary>
    public static byte[] CustomerMail(string from, string subject, string body, string? messageId = null) => Encoding.UTF8.GetBytes(
        $"From: {from}\r\n" +
        "To: support@exchange.example\r\n" +
        $"Subject: =?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(subject))}?=\r\n" +
        $"Date: {DateTimeOffset.UtcNow:ddd, dd MMM yyyy HH:mm:ss} +0000\r\n" +
        $"Message-ID: <{messageId ?? Guid.NewGuid().ToString("N")}@customer.example>\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "Content-Transfer-Encoding: 8bit\r\n" +
        "\r\n" +
        body + "\r\n");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the SQLite pool of a finished run; the temp folder is cleaned later.
        }
    }
}
