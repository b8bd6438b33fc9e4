namespace MailTicketing.Imap.Tests.Support;

/// <summary>A test against the real Dovecot: skipped with the reason when it is not configured (failed on CI).</summary>
internal sealed class DovecotFactAttribute : FactAttribute
{
    public DovecotFactAttribute()
    {
        Skip = MailServer.SkipReason;
    }
}
