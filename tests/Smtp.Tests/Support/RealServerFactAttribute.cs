namespace MailTicketing.Smtp.Tests.Support;

/// <summary>A test against the private Postfix and Dovecot that scripts/servers/up.sh starts.</summary>
internal sealed class RealServerFactAttribute : FactAttribute
{
    public RealServerFactAttribute()
    {
        Skip = TestEnvironment.SkipUnless(RealServers.Available,
            "needs the real mail servers: run scripts/servers/up.sh and source its servers.env (scripts/test does both)");
    }
}
