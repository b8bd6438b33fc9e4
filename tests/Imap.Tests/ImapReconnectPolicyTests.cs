using System.Net.Sockets;

namespace MailTicketing.Imap.Tests;

public sealed class ImapReconnectPolicyTests
{
    private readonly ImapReconnectPolicy _policy = new() { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(60), Multiplier = 2 };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(7, 60)]
    [InlineData(30, 60)]
    public void Delays_double_up_to_the_cap_with_half_of_each_left_to_chance(int attempt, double ceilingSeconds)
    {
        var random = new Random(attempt);
        var delays = Enumerable.Range(0, 200).Select(_ => _policy.GetDelay(attempt, random).TotalSeconds).ToList();
        Assert.All(delays, d => Assert.InRange(d, ceilingSeconds / 2, ceilingSeconds));

        // Jitter: the delays spread over the upper half instead of all being equal.
        Assert.True(delays.Max() - delays.Min() > ceilingSeconds / 4);
    }

    [Theory]
    [InlineData(typeof(ImapConnectionLostException), true)]
    [InlineData(typeof(ImapTimeoutException), true)]
    [InlineData(typeof(ImapProtocolException), true)]
    [InlineData(typeof(SocketException), true)]
    [InlineData(typeof(ImapAuthenticationException), false)]
    [InlineData(typeof(ImapSecurityException), false)]
    [InlineData(typeof(ImapCommandException), false)]
    [InlineData(typeof(InvalidOperationException), false)]
    public void Only_failures_a_new_connection_may_cure_are_transient(Type type, bool transient)
    {
        Exception exception = type.Name switch
        {
            nameof(ImapConnectionLostException) => new ImapConnectionLostException("gone"),
            nameof(ImapTimeoutException) => new ImapTimeoutException("slow"),
            nameof(ImapProtocolException) => new ImapProtocolException("garbage"),
            nameof(SocketException) => new SocketException(),
            nameof(ImapAuthenticationException) => new ImapAuthenticationException("LOGIN", ImapResponseStatus.No, null, "no"),
            nameof(ImapSecurityException) => new ImapSecurityException("untrusted"),
            nameof(ImapCommandException) => new ImapCommandException("SELECT", ImapResponseStatus.No, null, "no"),
            _ => new InvalidOperationException(),
        };
        Assert.Equal(transient, ImapReconnectPolicy.IsTransient(exception));
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried()
    {
        var calls = 0;
        var policy = _policy with { InitialDelay = TimeSpan.FromMilliseconds(1) };
        await Assert.ThrowsAsync<ImapAuthenticationException>(() => policy.ExecuteAsync<int>(_ =>
        {
            calls++;
            throw new ImapAuthenticationException("LOGIN", ImapResponseStatus.No, "AUTHENTICATIONFAILED", "no");
        }, null, CancellationToken.None));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Retries_stop_after_the_maximum_number_of_attempts_with_the_last_error()
    {
        var calls = 0;
        var policy = _policy with { InitialDelay = TimeSpan.FromMilliseconds(1), MaxAttempts = 3 };
        await Assert.ThrowsAsync<ImapConnectionLostException>(() => policy.ExecuteAsync<int>(_ =>
        {
            calls++;
            throw new ImapConnectionLostException("gone " + calls);
        }, null, CancellationToken.None));
        Assert.Equal(3, calls);
    }
}
