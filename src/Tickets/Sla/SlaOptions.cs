namespace MailTicketing.Tickets.Sla;

/// <summary>
/// The SLA section of configuration ("MailTicketing:Sla"): calendars, policies, which policy a
/// ticket gets, and where team notices go. Compiled and checked by <see cref="SlaCatalog.TryCreate"/>.
/// </summary>
public sealed class SlaOptions
{
    public const string Section = "MailTicketing:Sla";

    public List<BusinessCalendarOptions> Calendars { get; set; } = [];

    public List<SlaPolicyOptions> Policies { get; set; } = [];

    /// <summary>Policy by ticket priority ("Urgent": "critical"), used when no routing rule chose one.</summary>
    public Dictionary<string, string> PriorityPolicies { get; set; } = [];

    /// <summary>The policy of a ticket that neither a rule nor its priority gave one; empty for none (no SLA).</summary>
    public string? DefaultPolicy { get; set; }

    /// <summary>Reminder and escalation notices go to the queue's team: queue name to address.</summary>
    public Dictionary<string, string> TeamAddresses { get; set; } = [];

    /// <summary>The team address for queues not listed in TeamAddresses.</summary>
    public string? DefaultTeamAddress { get; set; }

    /// <summary>
    /// A notice more than this late (the worker was down, or an imported backlog's old tickets)
    /// is recorded on the ticket but not mailed: a team flooded with stale escalations stops
    /// reading them. Empty to mail every late notice.
    /// </summary>
    public TimeSpan? LateNoticeLimit { get; set; } = TimeSpan.FromDays(1);

    /// <summary>"en" or "zh": the language of team notices.</summary>
    public string TeamLanguage { get; set; } = "en";

    /// <summary>
    /// A working default matching samples/rules.yaml (policies standard, priority, critical):
    /// office hours in Shanghai for the first two, around the clock for critical.
    /// </summary>
    public static SlaOptions Default() => new()
    {
        Calendars =
        [
            new() { Name = "office", TimeZone = "Asia/Shanghai", Hours = new() { ["Mon-Fri"] = "09:00-12:00, 13:00-18:00" } },
            new() { Name = "always", TimeZone = "UTC", Hours = new() { ["Daily"] = "00:00-24:00" } },
        ],
        Policies =
        [
            new() { Name = "standard", Calendar = "office", FirstResponse = TimeSpan.FromHours(8), Resolution = TimeSpan.FromHours(40) },
            new() { Name = "priority", Calendar = "office", FirstResponse = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(16) },
            new() { Name = "critical", Calendar = "always", FirstResponse = TimeSpan.FromHours(1), Resolution = TimeSpan.FromHours(8) },
        ],
        PriorityPolicies = new() { ["Urgent"] = "critical", ["High"] = "priority" },
        DefaultPolicy = "standard",
    };
}
