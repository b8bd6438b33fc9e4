using MailTicketing.Mime;
using MailTicketing.Smtp;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Transport;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Scheduling;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Outbox;

/// <summary>
/// Delivers the outbox through an SMTP submission server, one connection per pass. Each row's
/// outcome is recorded on it and on its ticket: accepted (with the server's reply, which
/// carries the queue id), a transient failure (4xx, lost connection, timeout: retried with
/// exponential backoff and jitter until <see cref="SmtpOptions.MaxAttempts"/>), or a permanent
/// one (5xx: Failed at once). When the connection fails, the row in flight takes the failure
/// and the rest of the pass is left untouched for the next one.
/// </summary>
public sealed class SmtpOutboxSender : IOutboxSender
{
    private const int BatchSize = 100;

    private readonly ITicketStore _store;
    private readonly SmtpOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly string _workerId;

    public SmtpOutboxSender(ITicketStore store, SmtpOptions options, TimeProvider clock, ILogger logger, Random? random = null, string? workerId = null)
    {
        _workerId = workerId ?? WorkerIdentity.Current.Owner;
        _store = store;
        _options = options;
        _clock = clock;
        _logger = logger;
        _random = random ?? Random.Shared;
    }

    public string Destination => $"smtp://{_options.Host}:{_options.EffectivePort}";

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        // Rows a killed predecessor on this machine had leased go now, not when its lease (5 min) runs out.
        await _store.ReleaseDeadOutboxLeasesAsync(WorkerIdentity.IsDeadOnThisMachine, _clock.GetUtcNow(), cancellationToken);
        var due = await _store.LeaseDueOutboxAsync(_workerId, _clock.GetUtcNow(), IOutboxSender.Lease, BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        SmtpClient client;
        try
        {
            client = await SmtpClient.ConnectAsync(ClientOptions(), cancellationToken);
        }
        catch (SmtpException e)
        {
            // Not the message's fault, even when permanent (a refused password, an untrusted
            // certificate): the row about to go records the attempt and backs off, the others
            // wait, so an outage costs one attempt per pass rather than one per message.
            OutboxLog.Unavailable(_logger, Destination, e.Message);
            await RetryAsync(due[0], "connecting: " + e.Message, cancellationToken);
            return 0;
        }

        var delivered = 0;
        await using (client)
        {
            while (due.Count > 0)
            {
                foreach (var entry in due)
                {
                    if (await SendOneAsync(client, entry, cancellationToken))
                    {
                        delivered++;
                    }

                    if (!client.IsConnected)
                    {
                        // The rest stays as it is (Pending, due, no attempt counted) for the next pass.
                        return delivered;
                    }
                }

                // Every row of the batch has left the due set (sent, failed, or retrying later).
                due = await _store.LeaseDueOutboxAsync(_workerId, _clock.GetUtcNow(), IOutboxSender.Lease, BatchSize, cancellationToken);
            }

            await client.QuitAsync(cancellationToken);
        }

        return delivered;
    }

    /// <summary>
    /// The wait before the next attempt after <paramref name="attempt"/> failed ones: the initial
    /// delay doubled per attempt up to the maximum, then "equal jitter" (between half and all of
    /// it) so that rows failed together by one outage do not all come back in the same second.
    /// </summary>
    internal static TimeSpan Backoff(int attempt, TimeSpan initial, TimeSpan max, double random)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var full = TimeSpan.FromTicks((long)Math.Min(initial.Ticks * Math.Pow(2, exponent), max.Ticks));
        return full / 2 + full / 2 * random;
    }

    private async Task<bool> SendOneAsync(SmtpClient client, OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (EnvelopeSender(entry.Raw) is not { } sender)
        {
            await FailAsync(entry, "the stored message has no From address to use as the envelope sender", cancellationToken);
            return false;
        }

        var envelope = new SmtpEnvelope
        {
            Sender = sender,
            Recipients = [entry.Recipient],
            Body = HasEightBit(entry.Raw, inHeader: false) ? SmtpBodyType.EightBitMime : SmtpBodyType.SevenBit,
            RequiresSmtpUtf8 = HasEightBit(entry.Raw, inHeader: true),
        };

        SmtpRecipientResult result;
        try
        {
            using var body = new MemoryStream(entry.Raw, writable: false);
            result = (await client.SendAsync(envelope, body, cancellationToken)).Recipients[0];
        }
        catch (SmtpException e) when (e.IsTransient || !client.IsConnected)
        {
            // The server may have taken the message before the connection dropped (a lost
            // reply to the final "."): sending again risks a duplicate, which beats a loss.
            await RetryAsync(entry, e.Message, cancellationToken);
            return false;
        }
        catch (SmtpException e)
        {
            await FailAsync(entry, e.Message, cancellationToken);
            return false;
        }

        switch (result.Status)
        {
            case SmtpRecipientStatus.Accepted:
                // Idempotency window: the server has the message from here on. A crash before
                // this mark commits leaves the row Pending, and the next pass sends it once
                // more. SMTP gives no way to ask a server whether it already queued a message,
                // so at-least-once is the best available; the Message-ID is the same both
                // times, so the customer's client can tell the copies apart.
                await _store.MarkOutboxSentAsync(entry.Id, _clock.GetUtcNow(), result.Reply.ToString(), cancellationToken);
                OutboxLog.Sent(_logger, entry.Id, entry.TicketNumber.ToString(), entry.Recipient, result.Reply.ToString());
                return true;
            case SmtpRecipientStatus.TransientFailure:
                await RetryAsync(entry, result.Reply.ToString(), cancellationToken);
                return false;
            default:
                await FailAsync(entry, result.Reply.ToString(), cancellationToken);
                return false;
        }
    }

    private async Task RetryAsync(OutboxEntry entry, string error, CancellationToken cancellationToken)
    {
        var attempt = entry.Attempts + 1;
        if (attempt >= _options.MaxAttempts)
        {
            await FailAsync(entry, $"{error} (gave up after {attempt} attempt{(attempt == 1 ? "" : "s")})", cancellationToken);
            return;
        }

        var now = _clock.GetUtcNow();
        var retryAt = now + Backoff(attempt, _options.RetryInitialDelay, _options.RetryMaxDelay, _random.NextDouble());
        await _store.MarkOutboxAttemptFailedAsync(entry.Id, now, error, retryAt, cancellationToken);
        OutboxLog.Retry(_logger, entry.Id, entry.TicketNumber.ToString(), entry.Recipient, attempt, retryAt, error);
    }

    private async Task FailAsync(OutboxEntry entry, string error, CancellationToken cancellationToken)
    {
        await _store.MarkOutboxAttemptFailedAsync(entry.Id, _clock.GetUtcNow(), error, retryAt: null, cancellationToken);
        OutboxLog.Failed(_logger, entry.Id, entry.TicketNumber.ToString(), entry.Recipient, entry.Attempts + 1, error);
    }

    private SmtpClientOptions ClientOptions() => new()
    {
        Host = _options.Host,
        Port = _options.EffectivePort,
        Security = _options.Security,
        Credentials = Credentials(),
        ClientName = _options.ClientName,
        CaCertificateFile = _options.CaFile,
        PinnedCertificates = _options.PinnedCertificates,
        ConnectTimeout = _options.Timeout,
        CommandTimeout = _options.Timeout,
    };

    // Read at each connection so that a rotated secret is picked up without a restart.
    private MailCredentials? Credentials()
    {
        if (string.IsNullOrWhiteSpace(_options.User))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(_options.AccessTokenVariable))
        {
            return MailCredentials.FromAccessToken(_options.User, new EnvironmentAccessTokenProvider(_options.AccessTokenVariable));
        }

        var password = Environment.GetEnvironmentVariable(_options.PasswordVariable ?? "");
        return MailCredentials.FromPassword(_options.User, password ?? "");
    }

    // The acknowledgement's From is the mailbox it answers for; bounces for it come back there.
    private static string? EnvelopeSender(byte[] raw)
    {
        using var message = MimeMessage.Parse(raw);
        return message.From.Mailboxes.FirstOrDefault()?.Address;
    }

    private static bool HasEightBit(byte[] raw, bool inHeader)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        var header = end < 0 ? raw.AsSpan() : raw.AsSpan(0, end);
        var part = inHeader ? header : end < 0 ? [] : raw.AsSpan(end);
        return part.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
    }
}
