namespace MailTicketing.Imap.Tests.Support;

/// <summary>A theory against the real Dovecot: skipped with the reason when it is not configured (failed on CI).</summary>
internal sealed class DovecotTheoryAttribute : TheoryAttribute
{
    public DovecotTheoryAttribute()
    {
        Skip = MailServer.SkipReason;
    }
}
