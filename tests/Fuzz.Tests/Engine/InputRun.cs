namespace MailTicketing.Fuzz.Tests.Engine;

/// <summary>What running one input cost, and what went wrong ("kind: detail"), if anything.</summary>
internal sealed record InputRun(string? Problem, TimeSpan Elapsed, long Allocated, long PeakHeapGrowth);
