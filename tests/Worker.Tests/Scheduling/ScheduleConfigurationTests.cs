using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Scheduling;
using Microsoft.Extensions.Configuration;

namespace MailTicketing.Worker.Tests.Scheduling;

/// <summary>MailTicketing:Schedules: read from configuration, checked at start with errors that name the setting, and the defaults.</summary>
public sealed class ScheduleConfigurationTests
{
    private static WorkerOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("MailTicketing:" + s.Key, (string?)s.Value)))
            .Build();
        return WorkerConfiguration.Bind(configuration);
    }

    private static IReadOnlyList<string> Errors(params (string Key, string Value)[] settings) => WorkerOptionsValidator.Validate(Bind(settings));

    [Fact]
    public void Without_settings_mailboxes_poll_every_PollInterval_the_outbox_every_10_s_SLA_every_minute_and_follow_ups_every_5_minutes()
    {
        var options = Bind(("PollInterval", "00:00:07"));

        Assert.Empty(WorkerOptionsValidator.Validate(options));
        Assert.Equal(JobSchedule.Every(TimeSpan.FromSeconds(7)), JobSchedules.For(options, JobSchedules.MailboxPoll));
        Assert.Equal(JobSchedule.Every(TimeSpan.FromSeconds(10)), JobSchedules.For(options, JobSchedules.Outbox));
        Assert.Equal(JobSchedule.Every(TimeSpan.FromMinutes(1)), JobSchedules.For(options, JobSchedules.Sla));
        Assert.Equal(JobSchedule.Every(TimeSpan.FromMinutes(5)), JobSchedules.For(options, JobSchedules.FollowUps));
    }

    [Fact]
    public void An_interval_or_a_cron_from_configuration_replaces_the_default_whatever_the_case_of_the_job_name()
    {
        var options = Bind(("Schedules:outbox:Interval", "00:00:30"), ("Schedules:Sla:Cron", "0 0/2 * * * ?"));

        Assert.Empty(WorkerOptionsValidator.Validate(options));
        Assert.Equal(JobSchedule.Every(TimeSpan.FromSeconds(30)), JobSchedules.For(options, JobSchedules.Outbox));
        Assert.Equal(JobSchedule.At("0 0/2 * * * ?"), JobSchedules.For(options, JobSchedules.Sla));
        Assert.Equal(TimeSpan.FromMinutes(2), JobSchedules.For(options, JobSchedules.Sla).Period(DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Both_an_interval_and_a_cron_are_refused()
    {
        var error = Assert.Single(Errors(("Schedules:Outbox:Interval", "00:00:30"), ("Schedules:Outbox:Cron", "0 * * * * ?")));

        Assert.Equal("MailTicketing:Schedules:Outbox has both Interval (00:00:30) and Cron ('0 * * * * ?'); give one of them.", error);
    }

    [Fact]
    public void A_schedule_with_neither_an_interval_nor_a_cron_is_refused()
    {
        var error = Assert.Single(Errors(("Schedules:FollowUps:Cron", " ")));

        Assert.StartsWith("MailTicketing:Schedules:FollowUps needs Interval (such as 00:00:30) or Cron", error);
    }

    [Theory]
    [InlineData("0 0/5 * * *")]
    [InlineData("every five minutes")]
    [InlineData("0 61 * * * ?")]
    public void A_cron_expression_Quartz_cannot_read_is_refused_with_its_reason(string cron)
    {
        var error = Assert.Single(Errors(("Schedules:Sla:Cron", cron)));

        Assert.StartsWith($"MailTicketing:Schedules:Sla:Cron '{cron}' is not a Quartz cron expression", error);
        Assert.DoesNotContain("no reason given", error);
    }

    [Fact]
    public void An_interval_under_a_second_is_refused()
    {
        var error = Assert.Single(Errors(("Schedules:MailboxPoll:Interval", "00:00:00.200")));

        Assert.Equal("MailTicketing:Schedules:MailboxPoll:Interval must be at least 00:00:01, was 00:00:00.2000000.", error);
    }

    [Fact]
    public void An_unknown_job_name_is_refused_with_the_names_there_are()
    {
        var error = Assert.Single(Errors(("Schedules:Outbx:Interval", "00:00:30")));

        Assert.Equal("MailTicketing:Schedules:Outbx is not a scheduled job; the jobs are MailboxPoll, Outbox, Sla, FollowUps.", error);
    }

    [Fact]
    public void Every_schedule_problem_is_reported_at_once_with_the_lease_setting()
    {
        var errors = Errors(("Schedules:Outbox:Cron", "nonsense"), ("Schedules:Sla:Interval", "00:00:00"), ("MailboxLease", "00:00:01"));

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("MailTicketing:Schedules:Outbox:Cron 'nonsense'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MailTicketing:Schedules:Sla:Interval must be at least", StringComparison.Ordinal));
        Assert.Contains("MailTicketing:MailboxLease must be at least 5 seconds, was 00:00:01.", errors);
    }

    [Fact]
    public void A_missed_run_is_a_misfire_after_half_a_period_between_one_second_and_one_minute()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(TimeSpan.FromSeconds(5), JobSchedule.Every(TimeSpan.FromSeconds(10)).MisfireThreshold(now));
        Assert.Equal(TimeSpan.FromSeconds(1), JobSchedule.Every(TimeSpan.FromSeconds(1)).MisfireThreshold(now));
        Assert.Equal(TimeSpan.FromMinutes(1), JobSchedule.At("0 0 * * * ?").MisfireThreshold(now));
    }
}
