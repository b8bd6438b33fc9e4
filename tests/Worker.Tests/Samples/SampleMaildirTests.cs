using System.Text;
using System.Text.Json;
using MailTicketing.Mime;
using MailTicketing.Worker.Cli;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Export;
using MailTicketing.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace MailTicketing.Worker.Tests.Samples;

/// <summary>
/// The mixed corpus: the sample Maildirs (samples/maildir, made by samples/make_samples.py) run
/// through `run --once`, checked through `tickets export` against a grouping written by hand in
/// TestData/samples.expected.json. Running again must change nothing.
/// </summary>
public sealed class SampleMaildirTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("mt-samples-").FullName;

    [Fact]
    public async Task Sample_maildirs_group_into_the_expected_tickets_and_a_second_run_changes_nothing()
    {
        var context = Context(out var output);
        Assert.Equal(0, await RunCommand.RunAsync(context, once: true, CancellationToken.None));
        Assert.Contains("support", output.ToString());

        var first = await ExportAsync(context);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "samples.expected.json")));
        using var actual = JsonDocument.Parse(first);
        AssertTickets(expected.RootElement.GetProperty("tickets"), actual.RootElement, context);

        using (var services = await context.CreateServicesAsync(CancellationToken.None))
        {
            var quarantined = await services.Store.ListQuarantineAsync(includeReplayed: true, CancellationToken.None);
            Assert.Equal(expected.RootElement.GetProperty("quarantined").EnumerateArray().Select(e => e.GetString()), quarantined.Select(q => q.Reason));
        }

        var pickup = Directory.GetFiles(context.Options.PickupPath, "*.eml");
        Assert.Equal(expected.RootElement.GetProperty("acknowledgementsWritten").GetInt32(), pickup.Length);

        Assert.Equal(0, await RunCommand.RunAsync(context, once: true, CancellationToken.None));
        Assert.Equal(first, await ExportAsync(context));
        Assert.Equal(pickup.Length, Directory.GetFiles(context.Options.PickupPath, "*.eml").Length);
    }

    private static void AssertTickets(JsonElement expected, JsonElement actual, CommandContext context)
    {
        var want = expected.EnumerateArray().ToList();
        var got = actual.EnumerateArray().ToList();
        Assert.Equal(want.Select(t => t.GetProperty("number").GetString()), got.Select(t => t.GetProperty("number").GetString()));
        for (var i = 0; i < want.Count; i++)
        {
            var w = want[i];
            var g = got[i];
            var number = w.GetProperty("number").GetString();
            Assert.True(w.GetProperty("customer").GetString() == g.GetProperty("customer").GetString(), $"{number} customer");
            Assert.Equal(Strings(w, "mailboxes"), Strings(g, "mailboxes"));
            Assert.True(w.GetProperty("language").GetString() == g.GetProperty("language").GetString(), $"{number} language");
            Assert.Equal(Strings(w, "uids"), Strings(g, "uids"));
            Assert.Equal(Strings(w, "orderIds"), Strings(g, "orderIds"));
            Assert.Equal(
                w.GetProperty("txids").EnumerateArray().Select(t => $"{t[0].GetString()} {t[1].GetString()}"),
                g.GetProperty("txids").EnumerateArray().Select(t => $"{t.GetProperty("value").GetString()} {t.GetProperty("chain").GetString()}"));
            Assert.Equal(Strings(w, "flags"), Strings(g, "flags"));
            Assert.Equal(
                Strings(w, "messages"),
                g.GetProperty("messages").EnumerateArray().Select(m => (string?)$"{m.GetProperty("direction").GetString()} {m.GetProperty("kind").GetString()} {m.GetProperty("threadingReason").GetString()}").ToList());

            var texts = string.Join("\n", g.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
            if (w.TryGetProperty("textNotContains", out var forbidden))
            {
                foreach (var secret in forbidden.EnumerateArray())
                {
                    Assert.DoesNotContain(secret.GetString()!, texts);
                }

                Assert.Contains("[REDACTED", texts);
            }

            var acknowledgement = AcknowledgementText(context, number!);
            if (w.TryGetProperty("acknowledgementContains", out var contains))
            {
                Assert.Contains(contains.GetString()!, acknowledgement);
            }

            if (w.TryGetProperty("acknowledgementNotContains", out var notContains))
            {
                Assert.DoesNotContain(notContains.GetString()!, acknowledgement);
            }
        }
    }

    /// <summary>The acknowledgement as the customer receives it: the .eml in the pickup folder, read back by our parser.</summary>
    private static string AcknowledgementText(CommandContext context, string number)
    {
        var file = Directory.GetFiles(context.Options.PickupPath, $"*-{number}.eml").SingleOrDefault();
        if (file is null)
        {
            return "";
        }

        using var message = MimeMessage.Load(file);
        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Contains($"[Ticket#{number}]", message.Subject);
        return message.TextBody ?? "";
    }

    private static List<string?> Strings(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()).ToList();

    private static async Task<string> ExportAsync(CommandContext context)
    {
        using var services = await context.CreateServicesAsync(CancellationToken.None);
        using var stream = new MemoryStream();
        await TicketExportJson.WriteAsync(services.Store.ExportAsync(CancellationToken.None), stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private CommandContext Context(out StringWriter output)
    {
        var root = TestPaths.RepositoryRoot;
        var mailboxes = WorkerOptions.DefaultMailboxes();
        foreach (var mailbox in mailboxes)
        {
            mailbox.Maildir = Path.Combine(root, mailbox.Maildir!);
        }

        var options = new WorkerOptions { DataDirectory = _data, Mailboxes = mailboxes };
        output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        return new CommandContext(options, console, new StringWriter(), NullLoggerFactory.Instance, TimeProvider.System);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
