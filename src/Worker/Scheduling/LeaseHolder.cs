using MailTicketing.Tickets.Ports;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// A mailbox lease held for the length of one poll: taken at the start, renewed in the
/// background every third of its duration, and given up when renewal shows another worker
/// took it (this one stalled past the expiry) or when renewal keeps failing until the lease
/// expires. Losing it cancels <see cref="Token"/>, so the poll stops and its open transaction
/// rolls back. Disposing stops the renewals but keeps the lease: the next poll of this worker
/// renews it, and a clean stop releases it (<see cref="ICoordinationStore.ReleaseLeaseAsync"/>).
/// </summary>
internal sealed class LeaseHolder : IAsyncDisposable
{
    private readonly ICoordinationStore _store;
    private readonly string _mailbox;
    private readonly string _owner;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost;
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewing;
    private DateTimeOffset _expiresAt;

    private LeaseHolder(ICoordinationStore store, string mailbox, string owner, TimeSpan duration, DateTimeOffset expiresAt, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        (_store, _mailbox, _owner, _duration, _expiresAt, _clock, _logger) = (store, mailbox, owner, duration, expiresAt, clock, logger);
        _lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _renewing = Task.Run(RenewAsync, CancellationToken.None);
    }

    public string Mailbox => _mailbox;

    /// <summary>Cancelled when the lease is lost or the caller's token is cancelled: the poll must stop.</summary>
    public CancellationToken Token => _lost.Token;

    /// <summary>The lease, or null when another worker holds a live one.</summary>
    public static async Task<LeaseHolder?> TryTakeAsync(
        ICoordinationStore store, string mailbox, string owner, TimeSpan duration, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await store.TryAcquireLeaseAsync(mailbox, owner, now, duration, cancellationToken)
            ? new LeaseHolder(store, mailbox, owner, duration, now + duration, clock, logger, cancellationToken)
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopRenewing.CancelAsync();
        await _renewing;
        _stopRenewing.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync()
    {
        var every = _duration / 3;
        while (true)
        {
            try
            {
                await Task.Delay(every, _clock, _stopRenewing.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = _clock.GetUtcNow();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopRenewing.Token);
                timeout.CancelAfter(every);
                if (!await _store.TryAcquireLeaseAsync(_mailbox, _owner, now, _duration, timeout.Token))
                {
                    await LoseAsync("another worker holds it now");
                    return;
                }

                _expiresAt = now + _duration;
            }
            catch (OperationCanceledException) when (_stopRenewing.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                SchedulingLog.LeaseRenewFailed(_logger, e, _mailbox, _expiresAt);
                if (_clock.GetUtcNow() + every >= _expiresAt)
                {
                    await LoseAsync("it expires before the next renewal");
                    return;
                }
            }
        }
    }

    private async Task LoseAsync(string reason)
    {
        SchedulingLog.LeaseLost(_logger, _mailbox, reason);
        await _lost.CancelAsync();
    }
}
