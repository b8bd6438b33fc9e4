namespace MailTicketing.Storage.Tests.Support;

/// <summary>
/// Marks a test class that needs the PostgreSQL server: <see cref="PostgresTestFramework"/>
/// reports each of its tests (inherited contract tests included) as skipped, with
/// <see cref="PostgresProvider.SkipReason"/>, when there is none.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PostgresTestsAttribute : Attribute;
