namespace MailTicketing.Worker.Tests.Support;

/// <summary>A clock the test moves by hand. Starts on a whole second, so Date headers written from it read back exactly.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
