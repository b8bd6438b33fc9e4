using MailTicketing.Rules;
using MailTicketing.Worker.Composition;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Tests.Rules;

public sealed class RulesReloaderTests : IDisposable
{
    private const string ToPayments = """
        - name: withdrawals
          when: { subject_has: withdrawal }
          then: { queue: payments }
        """;

    private const string ToApi = """
        - name: withdrawals-now-api
          when: { subject_has: withdrawal }
          then: { queue: api }
        """;

    private const string Broken = """
        - name: broken
          when: { subject_hass: withdrawal }
          then: { queue: billing }
        """;

    private readonly RuleFileFixture _file = new(ToPayments);
    private readonly ListLogger _log = new();

    [Fact]
    public void A_valid_change_is_applied_and_an_invalid_one_is_rejected_with_its_errors_logged_keeping_the_rules_in_force()
    {
        using var reloader = Create(TimeProvider.System);
        Assert.Equal("payments", QueueFor(reloader));

        _file.Write(ToApi);
        Assert.Equal(RulesCheck.Applied, reloader.CheckNow());
        Assert.Equal("api", QueueFor(reloader));
        Assert.Empty(reloader.LastRejection);

        _file.Write(Broken);
        Assert.Equal(RulesCheck.Rejected, reloader.CheckNow());
        Assert.Equal("api", QueueFor(reloader));
        Assert.Equal(["withdrawals-now-api"], reloader.Current.RuleNames);
        Assert.Equal([(8, 11), (9, 18)], reloader.LastRejection.Select(e => (e.Line, e.Column)));
        var logged = Assert.Single(_log.Entries, e => e.EventName == "RulesRejected");
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains($"{_file.Path}:8:11: unknown condition 'subject_hass'", logged.Message);
        Assert.Contains($"{_file.Path}:9:18: unknown queue 'billing'", logged.Message);
    }

    [Fact]
    public void A_rejected_file_is_reported_once_and_the_next_good_file_applies()
    {
        using var reloader = Create(TimeProvider.System);
        _file.Write(Broken);
        Assert.Equal(RulesCheck.Rejected, reloader.CheckNow());
        Assert.Equal(RulesCheck.Unchanged, reloader.CheckNow());
        Assert.Single(_log.Entries, e => e.EventName == "RulesRejected");

        _file.Write(ToApi);
        Assert.Equal(RulesCheck.Applied, reloader.CheckNow());
        Assert.Equal("api", QueueFor(reloader));
        Assert.Single(_log.Entries, e => e.EventName == "RulesReloaded");
    }

    [Fact]
    public void A_deleted_file_is_rejected_and_the_rules_stay_until_it_is_back()
    {
        using var reloader = Create(TimeProvider.System);
        File.Delete(_file.Path);
        Assert.Equal(RulesCheck.Rejected, reloader.CheckNow());
        Assert.Contains("cannot read the rules file", Assert.Single(reloader.LastRejection).Message);
        Assert.Equal("payments", QueueFor(reloader));

        _file.Write(ToApi);
        Assert.Equal(RulesCheck.Applied, reloader.CheckNow());
        Assert.Equal("api", QueueFor(reloader));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_rejected_without_being_parsed()
    {
        using var reloader = Create(TimeProvider.System);
        _file.WriteRaw(RuleFileFixture.Header + ToApi + "# " + new string('x', (int)RulesReloader.LoadOptions.MaxFileBytes) + "\n");
        Assert.Equal(RulesCheck.Rejected, reloader.CheckNow());
        Assert.Contains("the limit is 1,048,576", Assert.Single(reloader.LastRejection).Message);
        Assert.Equal("payments", QueueFor(reloader));
    }

    [Fact]
    public void The_periodic_hash_check_applies_a_change_even_without_a_file_event()
    {
        var clock = new ManualTimers();
        using var reloader = Create(clock);
        reloader.StartWatching(TimeSpan.FromSeconds(5), debounce: TimeSpan.FromMilliseconds(300));
        var poll = Assert.Single(clock.Timers, t => t.Period == TimeSpan.FromSeconds(5));

        _file.Write(ToApi);
        Assert.Equal("payments", QueueFor(reloader));
        poll.Fire();
        Assert.Equal("api", QueueFor(reloader));

        _file.Write(Broken);
        poll.Fire();
        Assert.Equal("api", QueueFor(reloader));
        Assert.NotEmpty(reloader.LastRejection);
    }

    [Fact]
    public async Task A_file_event_arms_the_debounce_and_the_debounced_check_applies_the_change()
    {
        var clock = new ManualTimers();
        using var reloader = Create(clock);
        reloader.StartWatching(TimeSpan.FromHours(1), debounce: TimeSpan.FromMilliseconds(300));
        var debounce = Assert.Single(clock.Timers, t => t.Period == Timeout.InfiniteTimeSpan);

        _file.Write(ToApi);
        // The watcher's event arrives on its own thread; wait for it with a generous deadline.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (debounce.Changes == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(debounce.Changes > 0, "no file-system event re-armed the debounce timer within 20 s");
        Assert.Equal(TimeSpan.FromMilliseconds(300), debounce.DueTime);
        Assert.Equal("payments", QueueFor(reloader));
        debounce.Fire();
        Assert.Equal("api", QueueFor(reloader));
    }

    [Fact]
    public async Task The_running_watcher_picks_up_a_change_within_seconds()
    {
        using var reloader = Create(TimeProvider.System);
        reloader.StartWatching(TimeSpan.FromSeconds(1));
        _file.Write(ToApi);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (QueueFor(reloader) != "api" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal("api", QueueFor(reloader));
    }

    public void Dispose() => _file.Dispose();

    private static string? QueueFor(RulesReloader reloader) =>
        reloader.Current.Evaluate(new RoutingFacts { Mailbox = "support@exchange.example", SenderAddress = "a@example.com", Subject = "withdrawal" }).Queue;

    private RulesReloader Create(TimeProvider clock)
    {
        var reloader = RulesReloader.Create(_file.Path, _log, clock, out var errors);
        Assert.Empty(errors);
        return reloader!;
    }
}
