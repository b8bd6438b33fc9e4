namespace MailTicketing.Worker.Tests.Rules;

/// <summary>A clock whose timers fire only when the test says so: the reloader's checks run exactly when asked.</summary>
internal sealed class ManualTimers : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];

    public IReadOnlyList<ManualTimer> Timers
    {
        get
        {
            lock (_timers)
            {
                return [.. _timers];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state, dueTime, period);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    internal sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) : ITimer
    {
        private int _changes;

        public TimeSpan DueTime { get; private set; } = dueTime;

        public TimeSpan Period { get; private set; } = period;

        /// <summary>How often <see cref="Change"/> was called: the reloader re-arms its debounce timer on every file event.</summary>
        public int Changes => Volatile.Read(ref _changes);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueTime = dueTime;
            Period = period;
            Interlocked.Increment(ref _changes);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
