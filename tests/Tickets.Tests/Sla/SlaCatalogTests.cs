using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Sla;

namespace MailTicketing.Tickets.Tests.Sla;

public sealed class SlaCatalogTests
{
    [Fact]
    public void The_default_configuration_compiles_and_covers_the_sample_rule_policies()
    {
        Assert.True(SlaCatalog.TryCreate(SlaOptions.Default(), out var catalog, out var errors), string.Join("\n", errors));
        Assert.Empty(catalog.CheckDeclaredPolicies(["standard", "priority", "critical"], "samples/rules.yaml"));
        Assert.Equal("Asia/Shanghai", catalog.Policies["standard"].Calendar.TimeZone.Id);
    }

    [Fact]
    public void A_rule_choice_wins_over_priority_which_wins_over_the_default()
    {
        Assert.True(SlaCatalog.TryCreate(SlaOptions.Default(), out var catalog, out _));
        Assert.Equal("critical", catalog.Resolve("CRITICAL", TicketPriority.Low)!.Name);
        Assert.Equal("critical", catalog.Resolve(null, TicketPriority.Urgent)!.Name);
        Assert.Equal("priority", catalog.Resolve(null, TicketPriority.High)!.Name);
        Assert.Equal("standard", catalog.Resolve(null, TicketPriority.Normal)!.Name);
        Assert.Equal("priority", catalog.Resolve("retired-name", TicketPriority.High)!.Name);

        var none = SlaOptions.Default();
        none.DefaultPolicy = null;
        Assert.True(SlaCatalog.TryCreate(none, out var withoutDefault, out _));
        Assert.Null(withoutDefault.Resolve(null, TicketPriority.Low));
    }

    [Fact]
    public void Team_addresses_are_per_queue_with_a_fallback()
    {
        var options = SlaOptions.Default();
        options.TeamAddresses["security"] = "security-team@exchange.example";
        options.DefaultTeamAddress = "team@exchange.example";
        Assert.True(SlaCatalog.TryCreate(options, out var catalog, out _));
        Assert.Equal("security-team@exchange.example", catalog.TeamAddressFor("Security"));
        Assert.Equal("team@exchange.example", catalog.TeamAddressFor("support"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_setting()
    {
        var options = new SlaOptions
        {
            Calendars =
            [
                new() { Name = "mars", TimeZone = "Mars/Olympus_Mons", Hours = new() { ["Mon-Fri"] = "09:00-17:00" } },
                new() { Name = "never", TimeZone = "UTC", Hours = new() { ["Mon"] = "closed" } },
                new() { Name = "typos", TimeZone = "UTC", Hours = new() { ["Mon-Fro"] = "09:00-17:00", ["Tue"] = "18:00-09:00", ["Wed"] = "09:00-13:00, 12:00-18:00" } },
                new() { Name = "dates", TimeZone = "UTC", Hours = new() { ["Daily"] = "09:00-17:00" }, Holidays = [new() { Date = "2025-13-01" }, new() { Date = "2025-05-01" }], WorkingDays = [new() { Date = "2025-05-01", Hours = "09:00-12:00" }, new() { Date = "2025-05-04" }] },
            ],
            Policies =
            [
                new() { Name = "a", Calendar = "nowhere", FirstResponse = TimeSpan.Zero, ReminderShare = 1.0 },
                new() { Name = "a", Calendar = "" },
            ],
            PriorityPolicies = new() { ["Critical"] = "a", ["Low"] = "missing" },
            DefaultPolicy = "missing",
            TeamAddresses = new() { ["support"] = "not an address" },
            TeamLanguage = "fr",
        };

        Assert.False(SlaCatalog.TryCreate(options, out var catalog, out var errors));
        Assert.Null(catalog);
        string[] expected =
        [
            "MailTicketing:Sla:Calendars:0:TimeZone 'Mars/Olympus_Mons' is not a known time zone",
            "MailTicketing:Sla:Calendars:1:Hours has no working time in the week",
            "MailTicketing:Sla:Calendars:2:Hours:Mon-Fro: 'Mon-Fro' is not a weekday",
            "MailTicketing:Sla:Calendars:2:Hours:Tue is '18:00-09:00': '18:00-09:00' ends before it starts",
            "MailTicketing:Sla:Calendars:2:Hours:Wed is '09:00-13:00, 12:00-18:00': 09:00-13:00 and 12:00-18:00 overlap",
            "MailTicketing:Sla:Calendars:3:Holidays:0:Date: '2025-13-01' is not a date",
            "MailTicketing:Sla:Calendars:3:WorkingDays:0: 2025-05-01 is listed more than once",
            "MailTicketing:Sla:Calendars:3:WorkingDays:1:Hours is empty",
            "MailTicketing:Sla:Policies:0:Calendar 'nowhere' is not in the calendars",
            "MailTicketing:Sla:Policies:0:FirstResponse must be positive",
            "MailTicketing:Sla:Policies:0:ReminderShare must be between 0 and 1",
            "MailTicketing:Sla:Policies:1:Name 'a' is used by an earlier policy",
            "MailTicketing:Sla:PriorityPolicies:Critical is not a priority",
            "MailTicketing:Sla:PriorityPolicies:Low names the policy 'missing'",
            "MailTicketing:Sla:DefaultPolicy 'missing' is not in",
            "MailTicketing:Sla:TeamAddresses:support must be an address",
            "MailTicketing:Sla:TeamLanguage must be en or zh, was 'fr'",
        ];
        foreach (var start in expected)
        {
            Assert.True(errors.Any(e => e.StartsWith(start, StringComparison.Ordinal)), $"missing: {start}\nerrors:\n{string.Join("\n", errors)}");
        }

        Assert.Equal(expected.Length, errors.Count);
    }

    [Fact]
    public void A_calendar_that_failed_is_not_reported_again_as_missing_by_its_policies()
    {
        var options = new SlaOptions
        {
            Calendars = [new() { Name = "office", TimeZone = "Nowhere/City", Hours = new() { ["Mon-Fri"] = "09:00-17:00" } }],
            Policies = [new() { Name = "standard", Calendar = "office" }],
        };
        Assert.False(SlaCatalog.TryCreate(options, out _, out var errors));
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("Sat,Sun", new[] { DayOfWeek.Saturday, DayOfWeek.Sunday })]
    [InlineData("Fri-Mon", new[] { DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday })]
    [InlineData("wednesday", new[] { DayOfWeek.Wednesday })]
    public void Weekday_keys_accept_names_lists_and_ranges(string key, DayOfWeek[] days)
    {
        Assert.True(OpeningHoursSyntax.TryParseDays(key, out var parsed, out _));
        Assert.Equal(days, parsed);
    }
}
