using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace MailTicketing.Bench.Ingest;

/// <summary>
/// Writes a year of ticket history straight into a migrated database with prepared SQL: the rows
/// ingestion itself would have written (ticket, inbound messages with their raw blobs, attachments,
/// identifiers, participants, events, deliveries, source items, the acknowledgement with its outbox
/// row and delivery attempt), in the proportions the pipeline produces from generated mail, with
/// realistic blob sizes. Every index stays in place while rows go in, in time order, as in real use.
/// Customers, Message-IDs, UIDs, TxIDs, order numbers and blob hashes are distinct from the measured
/// mail, so the measured batch makes the same decisions here as in an empty database.
/// </summary>
internal sealed class BulkHistory : IDisposable
{
    private const int TicketsPerTransaction = 5_000;
    private static readonly string[] Statuses = ["Closed", "Closed", "Closed", "Closed", "Closed", "Closed", "Closed", "Resolved", "WaitingOnCustomer", "InProgress"];

    private readonly Random _random;
    private readonly SqliteConnection _connection;
    private readonly byte[] _noise = new byte[4 << 20];
    private readonly string[] _texts;
    private readonly Dictionary<string, long> _sequences = new() { ["SUP"] = 0, ["SEC"] = 0, ["CMP"] = 0 };
    private readonly SqliteCommand _blob;
    private readonly SqliteCommand _ticket;
    private readonly SqliteCommand _message;
    private readonly SqliteCommand _attachment;
    private readonly SqliteCommand _identifier;
    private readonly SqliteCommand _participant;
    private readonly SqliteCommand _mailbox;
    private readonly SqliteCommand _event;
    private readonly SqliteCommand _delivery;
    private readonly SqliteCommand _sourceItem;
    private readonly SqliteCommand _outbox;
    private readonly SqliteCommand _attempt;
    private readonly SqliteCommand _sequence;
    private int _customers;
    private long _messageRows;

    private BulkHistory(string databasePath, int seed)
    {
        _random = new Random(seed);
        _random.NextBytes(_noise);
        _texts = [.. Enumerable.Range(0, 500).Select(_ => Text())];
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _connection.Open();
        // A throwaway build on a file no one else has open: no journal, no fsync, and a cache big
        // enough to keep every index page in memory. WAL is switched back on at the end.
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY;");
        _blob = Prepare("INSERT INTO blobs (sha256, compression, size, stored_size, created_at, data) VALUES ($1, $2, $3, $4, $5, $6)", 6);
        _ticket = Prepare("""
            INSERT INTO tickets (number, prefix, sequence, mailbox, queue, category, priority, status, customer_address, subject, language, flags, created_at, updated_at, linked_ticket_id)
            VALUES ($1, $2, $3, $4, $4, NULL, $5, $6, $7, $8, $9, 'None', $10, $11, NULL) RETURNING id
            """, 11);
        _message = Prepare("""
            INSERT INTO messages (ticket_id, mailbox, direction, kind, message_id, in_reply_to, from_address, from_name, to_addresses, subject, received_at, reason, reason_detail, text, raw_sha256, size, fingerprint)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id
            """, 17);
        _attachment = Prepare("INSERT INTO message_attachments (message_id, ordinal, file_name, content_type, size, sha256, content_id, disposition) VALUES ($1, $2, $3, $4, $5, $6, NULL, 'attachment')", 6);
        _identifier = Prepare("INSERT INTO ticket_identifiers (ticket_id, kind, value, chain) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", 4);
        _participant = Prepare("INSERT INTO ticket_participants (ticket_id, address) VALUES ($1, $2) ON CONFLICT DO NOTHING", 2);
        _mailbox = Prepare("INSERT INTO ticket_mailboxes (ticket_id, mailbox) VALUES ($1, $2) ON CONFLICT DO NOTHING", 2);
        _event = Prepare("INSERT INTO ticket_events (ticket_id, at, kind, detail) VALUES ($1, $2, $3, $4)", 4);
        _delivery = Prepare("INSERT INTO deliveries (mailbox, raw_sha256, ticket_id, message_row_id, received_at) VALUES ($1, $2, $3, $4, $5)", 5);
        _sourceItem = Prepare("INSERT INTO source_items (source, key, outcome, done_at) VALUES ($1, $2, $3, $4)", 4);
        _outbox = Prepare("""
            INSERT INTO outbox (ticket_id, message_row_id, recipient, message_id, state, attempts, last_error, created_at, next_attempt_at, sent_at, raw)
            VALUES ($1, $2, $3, $4, 'Sent', 1, NULL, $5, NULL, $6, $7) RETURNING id
            """, 7);
        _attempt = Prepare("INSERT INTO outbox_attempts (outbox_id, at, result, detail) VALUES ($1, $2, 'Sent', $3)", 3);
        _sequence = Prepare("INSERT INTO ticket_sequences (prefix, last_value) VALUES ($1, $2) ON CONFLICT (prefix) DO UPDATE SET last_value = excluded.last_value", 2);
    }

    /// <summary>Adds <paramref name="tickets"/> tickets, dated over the year before <paramref name="end"/>, to a migrated, empty database.</summary>
    public static void Write(string databasePath, int tickets, int seed, DateTimeOffset end, TextWriter log)
    {
        using var history = new BulkHistory(databasePath, seed);
        var start = end - TimeSpan.FromDays(365);
        var step = TimeSpan.FromDays(365) / Math.Max(tickets, 1);
        for (var done = 0; done < tickets;)
        {
            using var transaction = history._connection.BeginTransaction();
            history.Enlist(transaction);
            for (var i = 0; i < TicketsPerTransaction && done < tickets; i++, done++)
            {
                history.Ticket(start + (step * done));
            }

            history.SaveSequences();
            transaction.Commit();
            if (done % 50_000 < TicketsPerTransaction || done == tickets)
            {
                log.WriteLine($"history: {done:N0} tickets");
            }
        }

        history.Execute("PRAGMA journal_mode = WAL;");
    }

    public void Dispose() => _connection.Dispose();

    private void Ticket(DateTimeOffset createdAt)
    {
        var mailbox = _random.NextDouble() switch { < 0.70 => "support", < 0.89 => "security", _ => "compliance" };
        var prefix = MailGenerator.PrefixOf(mailbox);
        var sequence = ++_sequences[prefix];
        var chinese = _random.NextDouble() < 0.6;
        // Three in ten tickets come from a customer seen before (the last few hundred, as people come back).
        var customerNumber = _customers > 500 && _random.NextDouble() < 0.3 ? _customers - _random.Next(500) : ++_customers;
        var customer = $"{(chinese ? "hist.cn" : "hist.en")}{customerNumber}@{(chinese ? "history.example.cn" : "history.example.com")}";
        var topic = SupportPhrases.Topics[_random.Next(SupportPhrases.Topics.Length)];
        var subject = chinese ? topic.ChineseSubjects[0] : topic.EnglishSubjects[0];
        var followUps = _random.NextDouble() switch { < 0.55 => 0, < 0.85 => 1, < 0.95 => 2, _ => 3 };
        var updatedAt = createdAt + TimeSpan.FromHours(_random.Next(1, 24 * 6));
        var status = Statuses[_random.Next(Statuses.Length)];

        var ticketId = Scalar(_ticket, $"{prefix}-{sequence.ToString("D6", CultureInfo.InvariantCulture)}", prefix, sequence, mailbox,
            mailbox == "security" ? "High" : "Normal", status, customer, subject, chinese ? "zh" : "en", Ms(createdAt), Ms(updatedAt));
        Run(_participant, ticketId, customer);
        if (_random.NextDouble() < 0.008)
        {
            Run(_mailbox, ticketId, mailbox == "security" ? "support" : "security");
        }

        Run(_identifier, ticketId, "AccountUid", _random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture), null);
        if (topic.HasTransaction && _random.NextDouble() < 0.85)
        {
            Run(_identifier, ticketId, "TransactionId", Convert.ToHexStringLower(Bytes(32)), "hex64");
        }

        if (topic.HasOrder)
        {
            Run(_identifier, ticketId, "OrderId", "HX" + _random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture), null);
        }

        var first = Inbound(ticketId, mailbox, customer, subject, createdAt, "NewTicket", "no earlier ticket matched", inReplyTo: null);
        Run(_event, ticketId, Ms(createdAt), "created", "NewTicket: no earlier ticket matched");
        if (_random.NextDouble() < 0.94)
        {
            Acknowledge(ticketId, mailbox, prefix, sequence, customer, subject, createdAt, first);
        }
        else
        {
            Run(_event, ticketId, Ms(createdAt), "acknowledgement-skipped", "machine-generated mail (list)");
        }

        var previous = first;
        for (var i = 1; i <= followUps; i++)
        {
            var at = createdAt + ((updatedAt - createdAt) * i / followUps);
            var reason = _random.NextDouble() < 0.65 ? "ReplyReference" : "SubjectTag";
            previous = Inbound(ticketId, mailbox, customer, (chinese ? "回复：" : "Re: ") + subject, at, reason, reason == "ReplyReference" ? $"references <{previous}>" : $"subject carries [Ticket#{prefix}-{sequence:D6}]", previous);
        }

        if (status != "Submitted")
        {
            Run(_event, ticketId, Ms(updatedAt), "status", $"Submitted -> {status} by agent");
        }
    }

    /// <summary>One customer message: its raw blob (and attachments), the row, its delivery and source item; returns its Message-ID.</summary>
    private string Inbound(long ticketId, string mailbox, string customer, string subject, DateTimeOffset at, string reason, string detail, string? inReplyTo)
    {
        var messageId = $"{Convert.ToHexStringLower(Bytes(6))}.h{_messageRows}@{customer[(customer.IndexOf('@') + 1)..]}";
        var rawSize = (int)Math.Min(200_000, 1_500 + (-Math.Log(1 - _random.NextDouble()) * 4_000));
        var attachments = _random.NextDouble() < 0.2 ? (_random.NextDouble() < 0.2 ? 2 : 1) : 0;
        var attachmentSizes = Enumerable.Range(0, attachments).Select(_ => _random.Next(5_000, 50_000)).ToList();
        // The raw message is stored Brotli-compressed: text to about 45%, base64 of compressed attachments back to about their size.
        var storedSize = (rawSize * 45 / 100) + attachmentSizes.Sum();
        var rawSha = Blob("brotli", rawSize + (attachmentSizes.Sum() * 137 / 100), storedSize, at);
        var text = _texts[_random.Next(_texts.Length)];
        var rowId = Scalar(_message, ticketId, mailbox, "Inbound", "CustomerMail", messageId, inReplyTo, customer, null,
            JsonSerializer.Serialize(new[] { mailbox + "@exchange.example" }), subject, Ms(at), reason, detail, text, rawSha, rawSize, _random.NextInt64());
        for (var ordinal = 0; ordinal < attachments; ordinal++)
        {
            var sha = Blob("none", attachmentSizes[ordinal], attachmentSizes[ordinal], at);
            Run(_attachment, rowId, ordinal, ordinal == 0 ? "screenshot.png" : "statement.pdf", ordinal == 0 ? "image/png" : "application/pdf", attachmentSizes[ordinal], sha);
        }

        Run(_delivery, mailbox, rawSha, ticketId, rowId, Ms(at));
        Run(_sourceItem, $"maildir:/var/mail/{mailbox}", $"{at.ToUnixTimeSeconds()}.M{_messageRows}P4242.mail.exchange.example", "NewTicket", Ms(at));
        return messageId;
    }

    private void Acknowledge(long ticketId, string mailbox, string prefix, long sequence, string customer, string subject, DateTimeOffset at, string inReplyTo)
    {
        var messageId = $"t.{prefix}-{sequence:D6}.{Convert.ToHexStringLower(Bytes(8))}.{Convert.ToBase64String(Bytes(15)).Replace('+', '-').Replace('/', '_')}@exchange.example";
        var raw = Bytes(_random.Next(2_500, 4_500));
        var rowId = Scalar(_message, ticketId, mailbox, "Outbound", "Acknowledgement", messageId, inReplyTo, mailbox + "@exchange.example", "Example Exchange Support",
            JsonSerializer.Serialize(new[] { customer }), $"[Ticket#{prefix}-{sequence:D6}] {subject}", Ms(at), "NewTicket", "acknowledgement of a new ticket",
            _texts[_random.Next(_texts.Length)], null, raw.Length, 0L);
        var outboxId = Scalar(_outbox, ticketId, rowId, customer, messageId, Ms(at), Ms(at + TimeSpan.FromSeconds(30)), raw);
        Run(_attempt, outboxId, Ms(at + TimeSpan.FromSeconds(30)), "250 2.0.0 queued");
        Run(_event, ticketId, Ms(at), "acknowledgement-queued", $"to {customer}");
        Run(_event, ticketId, Ms(at + TimeSpan.FromSeconds(30)), "outbox-sent", $"to {customer}: 250 2.0.0 queued");
    }

    private string Blob(string compression, long size, int storedSize, DateTimeOffset at)
    {
        var sha = Convert.ToHexStringLower(Bytes(32));
        // Stored bytes are incompressible, as compressed text and images are; a window of a random pool keeps this fast.
        var offset = _random.Next(_noise.Length - storedSize);
        Run(_blob, sha, compression, size, storedSize, Ms(at), _noise.AsMemory(offset, storedSize).ToArray());
        return sha;
    }

    private string Text()
    {
        var chinese = _random.NextDouble() < 0.6;
        var text = new StringBuilder(chinese ? SupportPhrases.ChineseGreetings[0] : SupportPhrases.EnglishGreetings[0]).Append("\n\n");
        var topic = SupportPhrases.Topics[_random.Next(SupportPhrases.Topics.Length)];
        text.Append(chinese ? topic.ChineseProblems[0] : topic.EnglishProblems[0]);
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            var fillers = chinese ? SupportPhrases.ChineseFillers : SupportPhrases.EnglishFillers;
            text.Append(chinese ? "" : " ").Append(fillers[_random.Next(fillers.Length)]);
        }

        return text.Append("\n\nUID: ").Append(_random.Next(100_000_000, 999_999_999)).Append('\n').ToString();
    }

    private void SaveSequences()
    {
        foreach (var (prefix, last) in _sequences)
        {
            Run(_sequence, prefix, last);
        }
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        return command;
    }

    private void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in new[] { _blob, _ticket, _message, _attachment, _identifier, _participant, _mailbox, _event, _delivery, _sourceItem, _outbox, _attempt, _sequence })
        {
            command.Transaction = transaction;
        }
    }

    private static void Bind(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private void Run(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    private long Scalar(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        _messageRows += command == _message ? 1 : 0;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
