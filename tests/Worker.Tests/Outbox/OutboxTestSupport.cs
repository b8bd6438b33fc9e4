using MailTicketing.Smtp;
using MailTicketing.Smtp.Tests.Support;
using MailTicketing.Worker.Cli;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Tests.Support;
using Spectre.Console;

namespace MailTicketing.Worker.Tests.Outbox;

/// <summary>Settings and server scripts shared by the SMTP outbox tests.</summary>
internal static class OutboxTestSupport
{
    public static readonly TimeSpan InitialDelay = TimeSpan.FromMinutes(1);

    /// <summary>The worker's SMTP section pointing at a fake server (plain, no AUTH).</summary>
    public static Action<WorkerOptions> Fake(FakeSmtpServer server, int maxAttempts = 5) => options => options.Smtp = new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = SmtpSecurity.None,
        ClientName = "worker.test",
        MaxAttempts = maxAttempts,
        RetryInitialDelay = InitialDelay,
        RetryMaxDelay = TimeSpan.FromHours(1),
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Greets, then takes <paramref name="count"/> messages ("queued as Q1", ...) and QUIT.</summary>
    public static async Task AcceptAsync(FakeSmtpSession s, int count)
    {
        await s.GreetAsync("8BITMIME", "SMTPUTF8");
        for (var i = 1; i <= count; i++)
        {
            await TakeOneAsync(s, $"250 2.0.0 Ok: queued as Q{i}");
        }

        await s.ExpectAsync("QUIT");
        await s.SendAsync("221 2.0.0 Bye");
    }

    public static async Task TakeOneAsync(FakeSmtpSession s, string finalReply)
    {
        await s.ExpectAsync("MAIL FROM:<support@exchange.example>");
        await s.SendAsync("250 2.1.0 Ok");
        await s.ExpectAsync("RCPT TO:<");
        await s.SendAsync("250 2.1.5 Ok");
        await s.ExpectAsync("DATA");
        await s.SendAsync("354 End data with <CR><LF>.<CR><LF>");
        await s.ReadDataAsync();
        await s.SendAsync(finalReply);
    }

    /// <summary>What `tickets show` prints for the ticket.</summary>
    public static async Task<string> ShowAsync(TicketingHarness h, string number)
    {
        var details = await h.TicketAsync(number);
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 1000; // no wrapping: the tests look for whole history lines
        TicketView.Write(console, details, sla: null);
        return writer.ToString();
    }
}
