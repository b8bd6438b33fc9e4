using MailTicketing.Tickets.Ports;
using MailTicketing.Worker.Scheduling;
using MailTicketing.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MailTicketing.Worker.Tests.Scheduling;

/// <summary>The health check the host registers gives the verdict `status` gives.</summary>
public sealed class WorkerHealthCheckTests : IAsyncLifetime
{
    private TicketingHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await TicketingHarness.StartAsync(options => options.Mailboxes[0].Maildir = "maildir/support");

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_hosts_health_check_is_unhealthy_before_any_poll_and_healthy_once_every_job_ran()
    {
        using var host = WorkerHost.Build(_harness.Services, _harness.Clock);
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var before = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("mailbox support has never been polled.", before.Entries["mailticketing"].Description);

        var now = _harness.Clock.GetUtcNow();
        foreach (var job in (string[])["MailboxPoll/support", "Outbox"])
        {
            await _harness.Services.Coordination.RecordJobRunAsync(new JobRun(job, "w", now, now, null, 0, 0), CancellationToken.None);
        }

        var after = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, after.Status);
    }
}
