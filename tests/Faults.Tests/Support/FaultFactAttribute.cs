using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Faults.Tests.Support;

/// <summary>
/// A fault test: needs the shared test servers (scripts/test starts them) and, when
/// <see cref="NeedsRoot"/> is set, root and the Dovecot binaries to start a private
/// instance it may stop. Skipped with the reason when they are missing, except on CI (CI=true).
/// </summary>
internal sealed class FaultFactAttribute : FactAttribute
{
    public FaultFactAttribute()
    {
        Skip = MailServer.SkipReason;
    }

    /// <summary>The test starts its own Dovecot (or mounts a file system): root is needed.</summary>
    public bool NeedsRoot
    {
        get => false;
        init
        {
            if (value && Skip is null)
            {
                Skip = TestEnvironment.SkipUnless(Environment.UserName == "root" && File.Exists("/usr/sbin/dovecot"), "needs root and Dovecot installed (to start a private instance or mount a small file system)");
            }
        }
    }
}
