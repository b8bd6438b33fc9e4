using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using MailTicketing.Mime;
using MailTicketing.Mime.Reports;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Routing;
using MailTicketing.Tickets.Security;
using MailTicketing.Tickets.Threading;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>
/// Turns one raw message into ticket changes inside one store transaction: the raw bytes, the
/// ticket (new or existing) with the message, its identifiers, events and acknowledgement
/// outbox row, and the source checkpoint all commit together or not at all. Re-running a
/// source changes nothing; a message that cannot be used is quarantined with its reason.
/// </summary>
public sealed class IngestService
{
    private readonly ITicketStore _store;
    private readonly TicketingOptions _options;
    private readonly TimeProvider _clock;
    private readonly MimeParserOptions _parserOptions;
    private readonly ThreadingPolicy _threading;
    private readonly TicketWriter _writer;
    private readonly MessageIdSigner _signer;

    public IngestService(ITicketStore store, TicketingOptions options, IRoutingPolicy routing, MessageIdSigner signer, TimeProvider clock, MimeParserOptions? parserOptions = null)
    {
        _store = store;
        _options = options;
        _clock = clock;
        _parserOptions = parserOptions ?? MimeParserOptions.Default;
        _signer = signer;
        _threading = new ThreadingPolicy(signer, options);
        _writer = new TicketWriter(options, routing, signer);
    }

    /// <summary>Ingests one message in its own transaction.</summary>
    public async Task<IngestResult> IngestAsync(IncomingMail mail, CancellationToken cancellationToken) =>
        (await IngestBatchAsync([mail], cancellationToken))[0];

    /// <summary>
    /// Ingests several messages in one transaction (a commit costs more than a message's own
    /// writes). The batch commits whole or not at all, so a crash loses no half-ingested
    /// message: a restart reads them all again. An exception rolls the batch back; callers then
    /// take the messages one by one (see IngestRunner) so only the bad one fails.
    /// </summary>
    public Task<IReadOnlyList<IngestResult>> IngestBatchAsync(IReadOnlyList<IncomingMail> mails, CancellationToken cancellationToken) =>
        IngestBatchAsync(mails, beforeCommit: null, cancellationToken);

    /// <summary>
    /// As <see cref="IngestBatchAsync(IReadOnlyList{IncomingMail}, CancellationToken)"/>, with
    /// <paramref name="beforeCommit"/> run in the same transaction after the messages: a source
    /// saves its checkpoint there, so the checkpoint and the tickets it covers commit together.
    /// </summary>
    public async Task<IReadOnlyList<IngestResult>> IngestBatchAsync(IReadOnlyList<IncomingMail> mails, Func<ITicketSession, IReadOnlyList<IngestResult>, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        await using var preparation = mails.Count == 1 ? null : StartPreparing(cancellationToken);
        if (preparation is null)
        {
            return await IngestInOrderAsync(mails, beforeCommit, cancellationToken);
        }

        foreach (var mail in mails)
        {
            preparation.Add(mail);
        }

        return await IngestBatchAsync(preparation, mails, beforeCommit, cancellationToken);
    }

    /// <summary>
    /// A queue that prepares (reads, hashes, encodes, parses, extracts) the messages added to it on
    /// a thread of its own, for <see cref="IngestBatchAsync(PreparationQueue, IReadOnlyList{IncomingMail}, Func{ITicketSession, IReadOnlyList{IngestResult}, Task}?, CancellationToken)"/>;
    /// null on a single core, where preparing ahead would only take turns with the writer.
    /// </summary>
    public PreparationQueue? StartPreparing(CancellationToken cancellationToken) =>
        Environment.ProcessorCount == 1 ? null : new PreparationQueue(Prepare, cancellationToken);

    /// <summary>
    /// As <see cref="IngestBatchAsync(IReadOnlyList{IncomingMail}, Func{ITicketSession, IReadOnlyList{IngestResult}, Task}?, CancellationToken)"/>,
    /// with the messages prepared by <paramref name="preparation"/>, where they were added (in this
    /// order, after any earlier batch's). Whether the batch commits or fails, its messages leave the queue.
    /// </summary>
    public async Task<IReadOnlyList<IngestResult>> IngestBatchAsync(
        PreparationQueue preparation, IReadOnlyList<IncomingMail> mails, Func<ITicketSession, IReadOnlyList<IngestResult>, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        var taken = 0;
        try
        {
            await using var session = await _store.BeginAsync(cancellationToken);
            var results = new List<IngestResult>(mails.Count);
            while (taken < mails.Count)
            {
                var mail = mails[taken];
                var next = preparation.TakeAsync(mail);
                taken++;
                using var prepared = await next;
                results.Add(await IngestInSessionAsync(session, mail, prepared, replayOf: null, cancellationToken));
            }

            if (beforeCommit is not null)
            {
                await beforeCommit(session, results);
            }

            await session.CommitAsync();
            return results;
        }
        finally
        {
            await preparation.SkipAsync(mails, taken);
        }
    }

    private async Task<IReadOnlyList<IngestResult>> IngestInOrderAsync(
        IReadOnlyList<IncomingMail> mails, Func<ITicketSession, IReadOnlyList<IngestResult>, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        await using var session = await _store.BeginAsync(cancellationToken);
        var results = new List<IngestResult>(mails.Count);
        foreach (var mail in mails)
        {
            results.Add(await IngestInSessionAsync(session, mail, prepared: null, replayOf: null, cancellationToken));
        }

        if (beforeCommit is not null)
        {
            await beforeCommit(session, results);
        }

        await session.CommitAsync();
        return results;
    }

    private PreparedMail Prepare(IncomingMail mail) =>
        PreparedMail.Prepare(mail, _store, _options.MaxMessageBytes, _parserOptions, _options.TrustedAuthServId);

    /// <summary>Runs a quarantined message through ingestion again (after a fix or a raised limit).</summary>
    public async Task<IngestResult> ReplayAsync(long quarantineId, CancellationToken cancellationToken)
    {
        var entry = await _store.GetQuarantineAsync(quarantineId, cancellationToken)
            ?? throw new ArgumentException($"There is no quarantined message {quarantineId}.", nameof(quarantineId));
        if (entry.ReplayedAt is not null)
        {
            return new IngestResult(IngestOutcome.AlreadyDone, null, $"quarantined message {quarantineId} was replayed at {entry.ReplayedAt:u}");
        }

        var raw = await ReadBlobAsync(entry.RawSha256, cancellationToken);
        var mail = new IncomingMail(entry.Mailbox, "quarantine", $"{quarantineId}:{_clock.GetUtcNow().ToUnixTimeMilliseconds()}", () => new MemoryStream(raw, writable: false));
        await using var session = await _store.BeginAsync(cancellationToken);
        var result = await IngestInSessionAsync(session, mail, prepared: null, quarantineId, cancellationToken);
        await session.CommitAsync();
        return result;
    }

    /// <param name="prepared">The message read, parsed and its facts extracted ahead; null to do that here, when the store says it is needed. Stays the caller's to dispose.</param>
    private async Task<IngestResult> IngestInSessionAsync(ITicketSession session, IncomingMail mail, PreparedMail? prepared, long? replayOf, CancellationToken cancellationToken)
    {
        var mailbox = _options.FindMailbox(mail.Mailbox)
            ?? throw new ArgumentException($"Mailbox '{mail.Mailbox}' is not configured.", nameof(mail));
        if (await session.IsSourceItemDoneAsync(mail.Source, mail.SourceKey))
        {
            return new IngestResult(IngestOutcome.AlreadyDone, null, $"{mail.Source} {mail.SourceKey} was handled before");
        }

        var now = _clock.GetUtcNow();
        using var preparedHere = prepared is null ? Prepare(mail) : null;
        prepared ??= preparedHere!;
        var raw = prepared.Raw;
        var (sha256, size) = (raw.Sha256, raw.Size);
        if (replayOf is null && await session.HasDeliveryAsync(mailbox.Name, sha256))
        {
            await session.RecordSourceItemAsync(mail.Source, mail.SourceKey, nameof(IngestOutcome.Duplicate), now);
            return new IngestResult(IngestOutcome.Duplicate, null, "the mailbox already received these exact bytes");
        }

        if (prepared.RawBlob is { } blob)
        {
            await session.PutBlobAsync(blob);
        }
        else
        {
            using var stream = raw.Open();
            await session.PutBlobAsync(sha256, stream, compress: true);
        }

        var context = new IngestContext(session, mail, mailbox, sha256, size, now, replayOf, prepared.AttachmentBlobs);
        if (size > _options.MaxMessageBytes)
        {
            return await QuarantineAsync(context, "too-large", $"{size:N0} bytes is over the {_options.MaxMessageBytes:N0}-byte limit", now);
        }

        if (prepared.ParseError is { } e)
        {
            if (e is OperationCanceledException)
            {
                ExceptionDispatchInfo.Throw(e);
            }

            // The reader is built never to throw on bad input; if it does, keep the mail and say why.
            return await QuarantineAsync(context, "parse-error", $"{e.GetType().Name}: {e.Message}", now);
        }

        using (var message = prepared.TakeMessage())
        {
            return await IngestParsedAsync(context, message, prepared, cancellationToken);
        }
    }

    private async Task<IngestResult> IngestParsedAsync(IngestContext context, MimeMessage message, PreparedMail prepared, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var receivedAt = ReceivedTime.Of(message) ?? context.Now;
        if (message.Headers.Count == 0)
        {
            return await QuarantineAsync(context, "unreadable", "no header could be read: " + string.Join("; ", message.Defects.Take(3)), receivedAt);
        }

        var sender = SenderOf(message);
        if (sender is null)
        {
            return await QuarantineAsync(context, "no-sender", "no sender address could be read from From, Sender or Reply-To", receivedAt);
        }

        if (message.MessageId is { } messageId && await session.FindMessageByMessageIdAsync(messageId) is { } known)
        {
            return known.Direction == MessageDirection.Outbound
                ? await FinishAsync(context, new IngestResult(IngestOutcome.Ignored, null, $"our own message <{messageId}> came back"))
                : await SeenBeforeAsync(context, known, messageId, receivedAt);
        }

        if (message.Automation.IsBounce)
        {
            return await BounceAsync(context, message, sender, receivedAt);
        }

        MessageFacts facts;
        try
        {
            facts = prepared.Facts;
        }
        catch (RegexMatchTimeoutException e)
        {
            return await QuarantineAsync(context, "extraction-timeout", $"reading identifiers took too long ({e.MatchTimeout.TotalSeconds:0.#} s limit)", receivedAt);
        }

        var decision = await _threading.DecideAsync(session, new ThreadingInput(
            sender.Address.ToLowerInvariant(), message.Subject, message.InReplyTo, message.References, facts.Identifiers, facts.Fingerprint, receivedAt));
        var result = await _writer.WriteAsync(context, message, sender, facts, decision, receivedAt, cancellationToken);
        return await FinishAsync(context, result);
    }

    /// <summary>Who a message is from, for tickets: the first From address with a domain, else Sender, else Reply-To.</summary>
    internal static MailboxAddress? SenderOf(MimeMessage message) =>
        message.From.Mailboxes.FirstOrDefault(m => m.Domain.Length > 0) ?? message.Sender ?? message.ReplyTo.Mailboxes.FirstOrDefault(m => m.Domain.Length > 0);

    /// <summary>The same Message-ID again: the same mail sent to several of our mailboxes, or a re-delivery.</summary>
    private async Task<IngestResult> SeenBeforeAsync(IngestContext context, MessageRef seen, string messageId, DateTimeOffset receivedAt)
    {
        var session = context.Session;
        var ticket = await session.FindTicketByIdAsync(seen.TicketId);
        await session.RecordDeliveryAsync(context.Mailbox.Name, context.Sha256, seen.TicketId, seen.MessageRowId, receivedAt);
        if (seen.Mailbox.Equals(context.Mailbox.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await FinishAsync(context, new IngestResult(IngestOutcome.Duplicate, ticket?.Number, $"<{messageId}> was received here before"));
        }

        await session.AddTicketMailboxAsync(seen.TicketId, context.Mailbox.Name);
        await session.AddEventAsync(seen.TicketId, receivedAt, "mailbox-added", $"the same message <{messageId}> also arrived at {context.Mailbox.Address}");
        return await FinishAsync(context, new IngestResult(IngestOutcome.AlsoReceivedInMailbox, ticket?.Number, $"<{messageId}> also arrived at {context.Mailbox.Name}"));
    }

    /// <summary>A bounce goes to the ticket whose message bounced; a permanent failure stops mail to that address.</summary>
    private async Task<IngestResult> BounceAsync(IngestContext context, MimeMessage message, MailboxAddress sender, DateTimeOffset receivedAt)
    {
        var session = context.Session;
        var report = DeliveryStatusReport.From(message);
        MessageRef? original = null;
        foreach (var id in ReturnedMessageIds(message, report))
        {
            if ((original = await session.FindMessageByMessageIdAsync(id, MessageDirection.Outbound)) is not null)
            {
                break;
            }
        }

        if (original is null || await session.FindTicketByIdAsync(original.TicketId) is not { } ticket)
        {
            return await QuarantineAsync(context, "unmatched-bounce", "a delivery failure report about a message we did not send", receivedAt);
        }

        var permanent = report?.Recipients.Where(r => r.IsPermanentFailure && r.Address is not null).Select(r => r.Address!).ToList() ?? [];
        var detail = report is null
            ? "delivery failure (no machine-readable report)"
            : string.Join("; ", report.Recipients.Select(r => $"{r.Address} {r.Status} {(r.IsPermanentFailure ? "permanent" : "temporary")}"));
        await _writer.AddBounceAsync(context, message, sender, ticket, detail, permanent, receivedAt);
        return await FinishAsync(context, new IngestResult(IngestOutcome.AboutOurMessage, ticket.Number, "bounce: " + detail));
    }

    /// <summary>
    /// Where a bounce may name the message it returns: the delivery report, an attached copy or
    /// its headers, In-Reply-To/References, and — for servers that quote the original as plain
    /// text — any of our signed Message-IDs written in the text.
    /// </summary>
    private IEnumerable<string> ReturnedMessageIds(MimeMessage message, DeliveryStatusReport? report)
    {
        foreach (var id in new[] { report?.OriginalMessageId, DeliveryStatusReport.FindOriginalMessageId(message), message.InReplyTo }.Concat(message.References))
        {
            if (id is not null)
            {
                yield return id;
            }
        }

        var text = message.TextBody ?? "";
        for (var start = text.IndexOf("<t.", StringComparison.Ordinal); start >= 0; start = text.IndexOf("<t.", start + 1, StringComparison.Ordinal))
        {
            var end = text.IndexOf('>', start);
            if (end > start && end - start < 200 && _signer.Check(text[(start + 1)..end], out _) == MessageIdCheck.Valid)
            {
                yield return text[(start + 1)..end];
            }
        }
    }

    private async Task<IngestResult> QuarantineAsync(IngestContext context, string reason, string detail, DateTimeOffset receivedAt)
    {
        var mail = context.Mail;
        if (context.ReplayOf is not null)
        {
            // Still unusable: the original quarantine entry stays; nothing new is recorded.
            return new IngestResult(IngestOutcome.Quarantined, null, $"{reason}: {detail}");
        }

        var id = await context.Session.QuarantineAsync(new QuarantineItem(context.Mailbox.Name, mail.Source, mail.SourceKey, context.Sha256, context.Size, reason, detail, receivedAt));
        return await FinishAsync(context, new IngestResult(IngestOutcome.Quarantined, null, $"quarantine #{id}, {reason}: {detail}"));
    }

    /// <summary>Records the source item (and a successful replay); the caller commits.</summary>
    private static async Task<IngestResult> FinishAsync(IngestContext context, IngestResult result)
    {
        var outcome = result.Ticket is { } number ? $"{result.Outcome} {number}" : result.Outcome.ToString();
        if (context.ReplayOf is { } quarantineId && result.Outcome != IngestOutcome.Quarantined)
        {
            await context.Session.MarkQuarantineReplayedAsync(quarantineId, context.Now);
        }

        await context.Session.RecordSourceItemAsync(context.Mail.Source, context.Mail.SourceKey, outcome, context.Now);
        return result;
    }

    private async Task<byte[]> ReadBlobAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var blob = await _store.OpenBlobAsync(sha256, cancellationToken)
            ?? throw new InvalidOperationException($"The raw message {sha256} is missing from the blob store.");
        using var copy = new MemoryStream();
        await blob.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}
