using System.Diagnostics;
using System.Text;
using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using Xunit.Abstractions;

namespace MailTicketing.Storage.Tests.Sqlite;

/// <summary>
/// Storage's share of ingestion: one transaction per message with the lookups and writes the
/// pipeline makes, on an empty database and on one holding 200,000 tickets.
/// </summary>
public sealed class SqliteThroughputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Measured = 4000;
    private static readonly int Existing =
        int.TryParse(Environment.GetEnvironmentVariable("STORAGE_BENCH_TICKETS"), out var tickets) ? tickets : 200_000;
    private readonly SqliteProvider _provider = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [BenchmarkFact]
    public async Task Ingestion_transactions_per_second_on_an_empty_and_a_full_database()
    {
        var empty = _provider.Open(Path.Combine(_provider.Folder, "empty.db"), TimeProvider.System);
        var full = _provider.Open(Path.Combine(_provider.Folder, "full.db"), TimeProvider.System);
        await empty.MigrateAsync(CancellationToken.None);
        await full.MigrateAsync(CancellationToken.None);
        var emptyStore = empty.CreateTicketStore();
        var fullStore = full.CreateTicketStore();

        var seed = Stopwatch.StartNew();
        await SeedAsync(fullStore, 0, Existing);
        output.WriteLine($"seeded {Existing:N0} tickets in {seed.Elapsed.TotalSeconds:N0} s");

        // Warm-up lets tiered JIT settle. Then the two databases take turns, batch by batch, so
        // that a shared machine's changing load falls on both alike.
        await IngestAsync(emptyStore, 1_000_000, 2000);
        var (emptyWall, emptyCpu, fullWall, fullCpu) = (0.0, 0.0, 0.0, 0.0);
        const int Batch = 500;
        for (var round = 0; round < Measured / Batch; round++)
        {
            var a = await IngestAsync(emptyStore, 2_000_000 + (round * Batch), Batch);
            var b = await IngestAsync(fullStore, 3_000_000 + (round * Batch), Batch);
            (emptyWall, emptyCpu, fullWall, fullCpu) = (emptyWall + a.MicrosecondsEach, emptyCpu + a.CpuMicrosecondsEach, fullWall + b.MicrosecondsEach, fullCpu + b.CpuMicrosecondsEach);
        }

        var rounds = Measured / Batch;
        output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        output.WriteLine($"empty database: {1e6 * rounds / emptyWall:N0} messages/s, {emptyWall / rounds:N0} µs each, {emptyCpu / rounds:N0} µs CPU each");
        output.WriteLine($"{Existing:N0} tickets: {1e6 * rounds / fullWall:N0} messages/s, {fullWall / rounds:N0} µs each, {fullCpu / rounds:N0} µs CPU each");
        output.WriteLine($"ratio full/empty: {fullWall / emptyWall:N2} wall, {fullCpu / emptyCpu:N2} CPU");
        output.WriteLine($"database size: {new FileInfo(full.Path).Length / 1e6:N0} MB");
    }

    // Wall time, and the process's CPU time, which a busy shared machine distorts less.
    private static async Task<(double PerSecond, double MicrosecondsEach, double CpuMicrosecondsEach)> IngestAsync(ITicketStore store, int first, int count)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = first; i < first + count; i++)
        {
            await IngestOneAsync(store, i);
        }

        watch.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return (count / watch.Elapsed.TotalSeconds, watch.Elapsed.TotalMicroseconds / count, cpuUsed.TotalMicroseconds / count);
    }

    private static async Task SeedAsync(ITicketStore store, int first, int count)
    {
        var perTransaction = Math.Min(5000, count);
        for (var start = first; start < first + count; start += perTransaction)
        {
            await using var session = await store.BeginAsync(CancellationToken.None);
            for (var i = start; i < start + perTransaction; i++)
            {
                await WriteTicketAsync(session, i, Raw(i));
            }

            await session.CommitAsync();
        }
    }

    private static async Task IngestOneAsync(ITicketStore store, int i)
    {
        var raw = Raw(i);
        var customer = Customer(i);
        var at = Samples.T0.AddSeconds(i);
        await using var session = await store.BeginAsync(CancellationToken.None);
        if (await session.IsSourceItemDoneAsync("maildir:/bench", $"cur/{i}") || await session.HasDeliveryAsync("support", raw.Sha256))
        {
            return;
        }

        await session.FindMessageByMessageIdAsync($"<{i}@mail.example>", MessageDirection.Inbound);
        await session.FindMessageByMessageIdAsync($"<{i - 1}@exchange.example>", MessageDirection.Outbound);
        await session.FindOpenTicketsWithIdentifierAsync(customer, IdentifierKind.TransactionId, $"0x{i:x64}", at.AddDays(-7));
        await session.FindRecentInboundTextsAsync(customer, at.AddDays(-7), 20);
        await session.IsSuppressedAsync(customer);
        await session.CountOutboxSinceAsync(customer, at.AddHours(-1));
        await WriteTicketAsync(session, i, raw);
        await session.CommitAsync();
    }

    private static async Task WriteTicketAsync(ITicketSession session, int i, (string Sha256, byte[] Bytes) raw)
    {
        var customer = Customer(i);
        var at = Samples.T0.AddSeconds(i);
        await session.PutBlobAsync(raw.Sha256, new MemoryStream(raw.Bytes), compress: true);
        var number = await session.AllocateTicketNumberAsync("SUP");
        var id = await session.InsertTicketAsync(Samples.Ticket(number, customer, at));
        await session.AddIdentifiersAsync(id, [
            new Identifier(IdentifierKind.AccountUid, $"{880000 + (i % 50_000)}"),
            new Identifier(IdentifierKind.TransactionId, $"0x{i:x64}", "evm")]);
        await session.AddParticipantAsync(id, customer);
        var message = await session.InsertMessageAsync(Samples.Message(
            id, $"<{i}@mail.example>", from: customer, at: at, rawSha256: raw.Sha256, fingerprint: i * 7919L));
        await session.AddEventAsync(id, at, "created", "new ticket");
        var ack = await session.InsertMessageAsync(Samples.Message(
            id, $"<{i}@exchange.example>", MessageDirection.Outbound, "support@exchange.example", at, kind: MessageKind.Acknowledgement));
        await session.EnqueueOutboxAsync(Samples.Outbox(id, ack, customer, at, $"<{i}@exchange.example>"));
        await session.AddEventAsync(id, at, "acknowledgement-queued", customer);
        await session.RecordDeliveryAsync("support", raw.Sha256, id, message, at);
        await session.RecordSourceItemAsync("maildir:/bench", $"cur/{i}", $"ticket {number}", at);
    }

    private static string Customer(int i) => $"customer{i % 50_000}@mail.example";

    // About 3 KB of mail-like text, different for every message.
    private static (string Sha256, byte[] Bytes) Raw(int i)
    {
        var text = new StringBuilder($"Message-ID: <{i}@mail.example>\r\nSubject: withdrawal {i}\r\n\r\n");
        for (var line = 0; line < 40; line++)
        {
            text.Append($"Line {line}: my withdrawal of {i % 997}.{line} USDT to 0x{i:x40} has not arrived yet.\r\n");
        }

        return Samples.Content(text.ToString());
    }
}
