namespace MailTicketing.Storage.Tests.Support;

/// <summary>A clock that moves only when told.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
