namespace MailTicketing.Storage.Tests.Support;

/// <summary>A measurement, not a check: runs only with STORAGE_BENCH=1 (it takes minutes).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("STORAGE_BENCH") != "1")
        {
            Skip = "A measurement; run with STORAGE_BENCH=1.";
        }
    }
}
