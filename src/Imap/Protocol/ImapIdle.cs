namespace MailTicketing.Imap.Protocol;

/// <summary>
/// IDLE (RFC 2177): waits for EXISTS or EXPUNGE, ends with DONE after a change, at the
/// renewal interval (then idles again), when the caller's wait is over, or on cancellation.
/// The wait never interrupts a read, so the connection is still usable afterwards.
/// </summary>
internal static class ImapIdle
{
    public static async Task<(ImapIdleResult Result, bool Cancelled)> RunAsync(ImapEngine engine, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = maxWait == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow + maxWait;
        while (true)
        {
            // A change reported by an earlier command counts: returning at once means the
            // caller looks for new mail before idling instead of missing it.
            if (engine.MailboxChanged)
            {
                engine.MailboxChanged = false;
                return (new ImapIdleResult(true, engine.Exists), false);
            }

            var tag = engine.NextTag();
            var command = new ImapCommand(new ImapCommandBuilder("IDLE"));
            await engine.SendAsync(command, tag).ConfigureAwait(false);
            while (true)
            {
                var (kind, _, completion) = await engine.ReadResponseAsync(command, tag).ConfigureAwait(false);
                if (kind == ImapResponseKind.Continuation)
                {
                    break;
                }

                if (kind == ImapResponseKind.Tagged)
                {
                    completion!.EnsureOk("IDLE");
                    throw new ImapProtocolException("the server ended IDLE before accepting it");
                }
            }

            var renewAt = DateTimeOffset.UtcNow + engine.Options.IdleRenewInterval;
            var cancelled = false;
            ImapCompletion? ended = null;
            while (!engine.MailboxChanged)
            {
                var until = renewAt < deadline ? renewAt : deadline;
                var wait = until - DateTimeOffset.UtcNow;
                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                if (!await engine.Reader.WaitForDataAsync(wait, cancellationToken).ConfigureAwait(false))
                {
                    cancelled = cancellationToken.IsCancellationRequested;
                    if (cancelled)
                    {
                        break;
                    }

                    continue;
                }

                var (kind, _, completion) = await engine.ReadResponseAsync(command, tag).ConfigureAwait(false);
                if (kind == ImapResponseKind.Tagged)
                {
                    // The server ended IDLE on its own (allowed, e.g. before a shutdown BYE).
                    ended = completion;
                    break;
                }
            }

            if (ended is null)
            {
                await engine.SendLineAsync("DONE", secret: false).ConfigureAwait(false);
                ended = await engine.ReadUntilTaggedAsync(command, tag).ConfigureAwait(false);
            }

            ended.EnsureOk("IDLE");
            if (cancelled)
            {
                return (new ImapIdleResult(engine.MailboxChanged, engine.Exists), true);
            }

            if (engine.MailboxChanged || DateTimeOffset.UtcNow >= deadline)
            {
                var changed = engine.MailboxChanged;
                engine.MailboxChanged = false;
                return (new ImapIdleResult(changed, engine.Exists), false);
            }
        }
    }
}
