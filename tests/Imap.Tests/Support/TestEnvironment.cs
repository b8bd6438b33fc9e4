namespace MailTicketing.Imap.Tests.Support;

/// <summary>
/// Decides whether a test that needs something outside the repository runs (the same rule as
/// tests/Mime.Tests): a missing prerequisite skips with a visible reason, except on CI
/// (CI=true), where the test runs and fails instead.
/// </summary>
internal static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip reason to set, or null when the test must run.</summary>
    public static string? SkipUnless(bool available, string missing) =>
        available || IsCi ? null : missing + " (with CI=true this test fails instead of skipping)";
}
