using System.Net.Sockets;

namespace MailTicketing.Imap;

/// <summary>
/// When to try connecting again after a connection was lost: exponential backoff with
/// "equal jitter" (half the delay fixed, half random), so that many workers that lost the
/// same server do not come back in lockstep.
/// </summary>
public sealed record ImapReconnectPolicy
{
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    public double Multiplier { get; init; } = 2;

    /// <summary>Attempts before giving up; null retries until cancelled.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry).</summary>
    public TimeSpan GetDelay(int attempt, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, attempt - 1));
        var half = ceiling / 2;
        return TimeSpan.FromMilliseconds(half + ((random ?? Random.Shared).NextDouble() * half));
    }

    /// <summary>
    /// True for failures a new connection may cure: lost or timed-out connections, protocol
    /// errors, socket errors. Refused credentials, TLS trust problems and NO/BAD answers are not.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ImapAuthenticationException or ImapSecurityException or ImapCommandException => false,
        ImapConnectionLostException or ImapProtocolException or SocketException or IOException => true,
        _ => false,
    };

    /// <summary>
    /// Runs <paramref name="operation"/> (typically connect, log in, select and work) and,
    /// while it fails with a transient error, waits <see cref="GetDelay"/> and runs it again.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, Action<Exception, int, TimeSpan>? onRetry, CancellationToken cancellationToken, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested && (MaxAttempts is not { } max || attempt < max))
            {
                var delay = GetDelay(attempt);
                onRetry?.Invoke(e, attempt, delay);
                await Task.Delay(delay, timeProvider ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
