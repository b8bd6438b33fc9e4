using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("MailTicketing.Storage.Tests.Support.PostgresTestFramework", "MailTicketing.Storage.Tests")]

namespace MailTicketing.Storage.Tests.Support;

/// <summary>
/// xunit 2 decides skipping from the [Fact] attribute, and the contract suites' [Fact]s are
/// shared by the SQLite and PostgreSQL classes, so no attribute can skip the PostgreSQL half
/// alone. This discoverer does: for a class marked <see cref="PostgresTestsAttribute"/> while
/// <see cref="PostgresProvider.SkipReason"/> is set, each test is reported skipped with it.
/// Everything else is discovered as usual.
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(
            ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var needsPostgres = testMethod.TestClass.Class is IReflectionTypeInfo type
                && type.Type.GetCustomAttribute<PostgresTestsAttribute>() is not null;
            if (!needsPostgres || PostgresProvider.SkipReason is not { } reason
                || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            var skipped = new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod,
                reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
