namespace MailTicketing.Imap.Tests.Support;

/// <summary>Tests that measure the whole process (allocations) and must not run beside others.</summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection;
