using MailTicketing.Worker.Scheduling;

namespace MailTicketing.Worker.Tests.Scheduling;

/// <summary>A sweep that counts its runs and how many of them ever ran at once; each run takes <paramref name="duration"/>.</summary>
internal sealed class CountingSweep(string name, TimeSpan duration) : IScheduledSweep
{
    private int _running;
    private int _runs;
    private int _maxConcurrent;

    public string Name { get; } = name;

    public int Runs => Volatile.Read(ref _runs);

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxConcurrent, running);
        try
        {
            await Task.Delay(duration, cancellationToken);
            return Interlocked.Increment(ref _runs);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; false after <paramref name="timeout"/>.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
