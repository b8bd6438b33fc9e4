using MailTicketing.Fuzz.Tests.Targets;
using MailTicketing.Tickets.Ingestion;
using Xunit.Abstractions;
using static MailTicketing.Fuzz.Tests.Hostile.Hostile;

namespace MailTicketing.Fuzz.Tests.Hostile;

/// <summary>SQL and script text in every field is data: stored as written, run nowhere, every table intact.</summary>
public sealed class InjectionTextTests(ITestOutputHelper output)
{
    private const string Sql = "'; DROP TABLE tickets;--";
    private const string Script = "<script>alert(document.cookie)</script>";

    private static byte[] Message(string hostile, string id) => Wire($"""
        From: "{hostile.Replace("\"", "\\\"", StringComparison.Ordinal)}" <alice@customer.example>
        Reply-To: "{hostile.Replace("\"", "\\\"", StringComparison.Ordinal)}"@customer.example
        To: "{hostile.Replace("\"", "\\\"", StringComparison.Ordinal)}" <support@exchange.example>
        Cc: bob@customer.example ({hostile})
        Subject: {hostile} deposit missing
        Message-ID: <{id}.{Uri.EscapeDataString(hostile)}@customer.example>
        In-Reply-To: <x'); DELETE FROM messages;--@customer.example>
        References: <{Uri.EscapeDataString(hostile)}@customer.example>
        X-Custom: {hostile}
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: multipart/alternative; boundary="a"

        --a
        Content-Type: text/plain; charset=utf-8

        Hello {hostile} my UID is 123456789
        --a
        Content-Type: text/html; charset=utf-8

        <html><body onload="{hostile}"><p>Hello {hostile}</p>{Script}<img src=x onerror=alert(1)></body></html>
        --a--
        --b
        Content-Type: text/plain; name="{hostile.Replace("\"", "", StringComparison.Ordinal)}.txt"
        Content-Disposition: attachment; filename="{hostile.Replace("\"", "", StringComparison.Ordinal)}.txt"

        {hostile}
        --b--
        """);

    [Theory]
    [InlineData(Sql)]
    [InlineData(Script)]
    [InlineData("Robert'); DROP TABLE messages; --\" OR 1=1 --")]
    public async Task Sql_and_script_text_in_every_header_and_body_is_stored_verbatim_as_data_and_every_table_stays(string hostile)
    {
        await using var target = await PipelineTarget.StartAsync();
        var tables = target.Probe.Tables();

        Ingest(target, Message(hostile, "m1"), output);

        Assert.Equal(IngestOutcome.NewTicket, target.LastResult!.Outcome);
        var details = await target.Harness.TicketAsync(target.LastResult.Ticket!.Value.ToString());
        Assert.Equal($"{hostile} deposit missing", details.Ticket.Subject);
        var inbound = details.Messages[0];
        Assert.Contains($"Hello {hostile}", inbound.Text, StringComparison.Ordinal);
        Assert.Equal($"{hostile.Replace("\"", "", StringComparison.Ordinal)}.txt", Assert.Single(inbound.Attachments).FileName);
        Assert.Equal(tables, target.Probe.Tables());
        Assert.Equal("ok", target.Probe.IntegrityCheck());
        Assert.Equal(1, target.Probe.Count("SELECT count(*) FROM tickets"));
        Assert.Equal(1, target.Probe.Count("SELECT count(*) FROM tickets WHERE subject = @Subject", new { Subject = $"{hostile} deposit missing" }));

        // A second mail, threaded by the hostile In-Reply-To and References, finds the tables too.
        Ingest(target, Message(hostile, "m2"), output, iteration: 3);
        Assert.NotEqual(IngestOutcome.Quarantined, target.LastResult!.Outcome);
        Assert.Equal(tables, target.Probe.Tables());
        Assert.Equal(2, target.Probe.Count("SELECT count(*) FROM messages WHERE direction = 'Inbound'"));
    }
}
