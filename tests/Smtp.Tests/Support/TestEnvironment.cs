namespace MailTicketing.Smtp.Tests.Support;

/// <summary>
/// Whether a test that needs the real servers runs (same rule as Mime.Tests' TestEnvironment):
/// missing servers skip the test with a visible reason, except on CI (CI=true), where it fails.
/// </summary>
internal static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip reason to set, or null when the test must run.</summary>
    public static string? SkipUnless(bool available, string missing) =>
        available || IsCi ? null : missing + " (with CI=true this test fails instead of skipping)";
}
