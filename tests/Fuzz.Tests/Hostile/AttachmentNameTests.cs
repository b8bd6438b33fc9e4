using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MailTicketing.Fuzz.Tests.Targets;
using MailTicketing.Tickets.Ingestion;
using MailTicketing.Worker.Tests.Support;
using Xunit.Abstractions;
using static MailTicketing.Fuzz.Tests.Hostile.Hostile;

namespace MailTicketing.Fuzz.Tests.Hostile;

/// <summary>
/// Attachment names are the sender's text: they are kept as labels, never used as paths. The
/// blob store is keyed by SHA-256, the pickup folder by outbox row, and the export escapes
/// what a terminal or viewer would act on.
/// </summary>
public sealed class AttachmentNameTests(ITestOutputHelper output)
{
    // (how the name is written in Content-Disposition, what it decodes to)
    private static readonly (string Parameter, string Name)[] Names =
    [
        ("filename=\"../../etc/passwd\"", "../../etc/passwd"),
        ("filename*=utf-8''..%5C..%5Cboot.ini", "..\\..\\boot.ini"),
        ("filename=\"/etc/shadow\"", "/etc/shadow"),
        ("filename*=utf-8''C%3A%5CWindows%5Csystem32%5Cdrivers%5Cetc%5Chosts", "C:\\Windows\\system32\\drivers\\etc\\hosts"),
        ("filename*=utf-8''report%00.pdf%00.exe", "report\0.pdf\0.exe"),
        ("filename*=utf-8''clear%1B%5B2J%1B%5D0%3Bpwned%07%0D%0Aline.txt", "clear\u001b[2J\u001b]0;pwned\u0007\r\nline.txt"),
        ("filename*=utf-8''invoice%E2%80%AEfdp.exe", "invoice\u202efdp.exe"),
        ("filename=\"..\"", ".."),
        ("filename=\"CON\"", "CON"),
    ];

    private static byte[] Message()
    {
        var text = new StringBuilder("From: alice@customer.example\nTo: support@exchange.example\nSubject: files\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nsee attached\n");
        for (var i = 0; i < Names.Length; i++)
        {
            text.Append("--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; ").Append(Names[i].Parameter)
                .Append("\nContent-Transfer-Encoding: base64\n\n").Append(Convert.ToBase64String(Encoding.ASCII.GetBytes($"attachment {i}"))).Append('\n');
        }

        return Wire(text.Append("--b--\n").ToString());
    }

    [Fact]
    public async Task Path_like_and_control_character_names_are_kept_as_labels_and_never_become_files_or_blob_keys()
    {
        await using var target = await PipelineTarget.StartAsync();
        var before = Files(target.Harness.DataDirectory);
        Ingest(target, Message(), output);
        await target.Harness.Services.Sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(IngestOutcome.NewTicket, target.LastResult!.Outcome);
        var stored = (await target.Harness.TicketAsync(target.LastResult.Ticket!.Value.ToString())).Messages[0].Attachments;
        Assert.Equal(Names.Select(n => n.Name), stored.Select(a => a.FileName));
        Assert.All(target.Probe.Query<string>("SELECT sha256 FROM blobs"), key => Assert.Matches("^[0-9a-f]{64}$", key));
        // What the data folder gained: the acknowledgement in the pickup folder, named after its row and ticket, and SQLite's own files.
        var added = Files(target.Harness.DataDirectory).Except(before).ToList();
        Assert.All(added, file => Assert.Matches(@"^(pickup/\d{8}-SUP-\d{6}\.eml|mailticketing\.db.*)$", file));
        Assert.Contains(added, file => file.StartsWith("pickup/", StringComparison.Ordinal));
        Assert.False(File.Exists("/etc/passwd.eml") || Directory.EnumerateFiles(Path.GetTempPath(), "boot.ini", SearchOption.TopDirectoryOnly).Any());
    }

    [Fact]
    public async Task The_json_export_escapes_control_and_bidirectional_characters_and_reads_back_to_the_exact_names()
    {
        await using var target = await PipelineTarget.StartAsync();
        Ingest(target, Message(), output);

        var json = RunWorker(target.Harness.DataDirectory, "tickets", "export", "--format", "json");

        // A terminal or a text viewer sees no raw control character (ESC, BEL, CR, NUL) and no
        // bidirectional override: the export writes them as \u escapes.
        Assert.DoesNotContain(json, c => c < ' ' && c is not '\n' and not '\r' and not ' ');
        Assert.DoesNotContain('\u202e', json);
        Assert.Contains("\\u001B[2J", json, StringComparison.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(json);
        var exported = document.RootElement[0].GetProperty("messages")[0].GetProperty("attachments").EnumerateArray()
            .Select(a => a.GetProperty("fileName").GetString()).ToList();
        Assert.Equal(Names.Select(n => n.Name), exported);
    }

    [Fact]
    public async Task Tickets_show_prints_no_raw_escape_sequence_or_bidirectional_override_from_a_name()
    {
        await using var target = await PipelineTarget.StartAsync();
        Ingest(target, Message(), output);

        var text = RunWorker(target.Harness.DataDirectory, "tickets", "show", target.LastResult!.Ticket!.Value.ToString());

        output.WriteLine(text);
        Assert.Contains("../../etc/passwd", text);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\0', text);
        Assert.DoesNotContain('\u202e', text);
        // The CR LF inside the name does not start a line of its own: the whole name stays on the attachment's line.
        Assert.Contains(text.Split('\n'), line => line.Contains("attachment clear\\u001B[2J", StringComparison.Ordinal) && line.Contains("line.txt", StringComparison.Ordinal));
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))];

    /// <summary>The worker's own command line (the built mailticketing.dll) over the harness's data folder; returns stdout.</summary>
    internal static string RunWorker(string dataDirectory, params string[] arguments)
    {
        var start = WorkerCommandLine.StartInfo(dataDirectory, arguments, [new("MAILTICKETING__DATADIRECTORY", dataDirectory)]);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the worker did not finish in 60 s");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
