namespace MailTicketing.Mime.Tests.Writing;

/// <summary>
/// A fact that needs python3. xunit 2 has no dynamic skip, so the decision is made when the
/// attribute is built: skipped with a visible reason when python3 is missing, except on CI
/// (CI=true), where the test runs and fails instead.
/// </summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (!PythonEmail.IsAvailable && !PythonEmail.IsCi)
        {
            Skip = "python3 not found on PATH (with CI=true this test fails instead of skipping)";
        }
    }
}
