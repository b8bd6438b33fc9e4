namespace MailTicketing.Mime.Tests.Support;

/// <summary>
/// Decides whether a test that needs something outside the repository runs. xunit 2 has no
/// dynamic skip, so attributes ask this when they are built: a missing prerequisite skips the
/// test with a visible reason, except on CI (CI=true), where the test runs and fails instead.
/// </summary>
internal static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip reason to set, or null when the test must run.</summary>
    public static string? SkipUnless(bool available, string missing) =>
        available || IsCi ? null : missing + " (with CI=true this test fails instead of skipping)";
}
