using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using MailTicketing.Mime;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Sla;

/// <summary>
/// The compiled SLA configuration: calendars, policies, which policy a ticket gets and where
/// its team notices go. Built once at start by <see cref="TryCreate"/>, which reports every
/// configuration problem at once.
/// </summary>
public sealed class SlaCatalog
{
    private readonly Dictionary<TicketPriority, SlaPolicy> _byPriority;
    private readonly Dictionary<string, string> _teamAddresses;

    private SlaCatalog(
        Dictionary<string, BusinessCalendar> calendars,
        Dictionary<string, SlaPolicy> policies,
        Dictionary<TicketPriority, SlaPolicy> byPriority,
        SlaPolicy? defaultPolicy,
        Dictionary<string, string> teamAddresses,
        string? defaultTeamAddress,
        string teamLanguage,
        TimeSpan? lateNoticeLimit)
    {
        LateNoticeLimit = lateNoticeLimit;
        Calendars = calendars;
        Policies = policies;
        _byPriority = byPriority;
        DefaultPolicy = defaultPolicy;
        _teamAddresses = teamAddresses;
        DefaultTeamAddress = defaultTeamAddress;
        TeamLanguage = teamLanguage;
    }

    /// <summary>By name, case-insensitive.</summary>
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }

    /// <summary>By name, case-insensitive.</summary>
    public IReadOnlyDictionary<string, SlaPolicy> Policies { get; }

    public SlaPolicy? DefaultPolicy { get; }

    public string? DefaultTeamAddress { get; }

    /// <summary>"en" or "zh".</summary>
    public string TeamLanguage { get; }

    /// <summary>Notices later than this are recorded but not mailed (<see cref="SlaOptions.LateNoticeLimit"/>).</summary>
    public TimeSpan? LateNoticeLimit { get; }

    /// <summary>
    /// The policy for a ticket: the one a routing rule chose, else the one for its priority, else
    /// the default; null when none applies (no SLA). A rule's name that is no longer configured
    /// falls through to the priority, so a ticket stored under an old name keeps an SLA.
    /// </summary>
    public SlaPolicy? Resolve(string? rulePolicy, TicketPriority priority)
    {
        if (rulePolicy is not null && Policies.TryGetValue(rulePolicy, out var chosen))
        {
            return chosen;
        }

        return _byPriority.TryGetValue(priority, out var byPriority) ? byPriority : DefaultPolicy;
    }

    /// <summary>Where reminder and escalation notices about a queue's tickets go; null when nowhere is configured.</summary>
    public string? TeamAddressFor(string queue) =>
        _teamAddresses.TryGetValue(queue, out var address) ? address : DefaultTeamAddress;

    /// <summary>Errors for SLA policy names a rules file declares (<c>sla_policies</c>) that this configuration lacks.</summary>
    public IReadOnlyList<string> CheckDeclaredPolicies(IEnumerable<string> declared, string rulesFile) =>
        declared.Where(name => !Policies.ContainsKey(name))
            .Select(name => $"{rulesFile} declares the SLA policy '{name}', but {SlaOptions.Section}:Policies has no policy of that name.")
            .ToArray();

    public static bool TryCreate(SlaOptions options, [NotNullWhen(true)] out SlaCatalog? catalog, out IReadOnlyList<string> errors, string section = SlaOptions.Section)
    {
        var problems = new List<string>();
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Calendars.Count; i++)
        {
            var calendar = CalendarCompiler.Compile(options.Calendars[i], $"{section}:Calendars:{i}", problems);
            if (!string.IsNullOrWhiteSpace(options.Calendars[i].Name) && !seen.Add(options.Calendars[i].Name.Trim()))
            {
                problems.Add($"{section}:Calendars:{i}:Name '{options.Calendars[i].Name}' is used by an earlier calendar.");
            }
            else if (calendar is not null)
            {
                calendars.Add(calendar.Name, calendar);
            }
        }

        var policies = new Dictionary<string, SlaPolicy>(StringComparer.OrdinalIgnoreCase);
        seen.Clear();
        for (var i = 0; i < options.Policies.Count; i++)
        {
            var policy = CompilePolicy(options.Policies[i], $"{section}:Policies:{i}", options, calendars, problems);
            if (!string.IsNullOrWhiteSpace(options.Policies[i].Name) && !seen.Add(options.Policies[i].Name.Trim()))
            {
                problems.Add($"{section}:Policies:{i}:Name '{options.Policies[i].Name}' is used by an earlier policy.");
            }
            else if (policy is not null)
            {
                policies.Add(policy.Name, policy);
            }
        }

        var byPriority = new Dictionary<TicketPriority, SlaPolicy>();
        foreach (var (priorityName, policyName) in options.PriorityPolicies)
        {
            if (!Enum.TryParse<TicketPriority>(priorityName, ignoreCase: true, out var priority) || !Enum.IsDefined(priority))
            {
                problems.Add($"{section}:PriorityPolicies:{priorityName} is not a priority; use {string.Join(", ", Enum.GetNames<TicketPriority>())}.");
            }
            else if (!policies.TryGetValue(policyName, out var policy))
            {
                // A policy that is configured but failed has its own error already.
                if (!seen.Contains(policyName.Trim()))
                {
                    problems.Add($"{section}:PriorityPolicies:{priorityName} names the policy '{policyName}', which is not in {section}:Policies.");
                }
            }
            else
            {
                byPriority[priority] = policy;
            }
        }

        SlaPolicy? defaultPolicy = null;
        if (!string.IsNullOrWhiteSpace(options.DefaultPolicy) && !policies.TryGetValue(options.DefaultPolicy, out defaultPolicy) && !seen.Contains(options.DefaultPolicy.Trim()))
        {
            problems.Add($"{section}:DefaultPolicy '{options.DefaultPolicy}' is not in {section}:Policies.");
        }

        var teams = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (queue, address) in options.TeamAddresses)
        {
            if (!LooksLikeAddress(address))
            {
                problems.Add($"{section}:TeamAddresses:{queue} must be an address like team@example.com, was '{address}'.");
            }

            teams[queue] = address.Trim();
        }

        var defaultTeam = string.IsNullOrWhiteSpace(options.DefaultTeamAddress) ? null : options.DefaultTeamAddress.Trim();
        if (defaultTeam is not null && !LooksLikeAddress(defaultTeam))
        {
            problems.Add($"{section}:DefaultTeamAddress must be an address like team@example.com, was '{options.DefaultTeamAddress}'.");
        }

        var language = options.TeamLanguage.Trim().ToLowerInvariant();
        if (language is not ("en" or "zh"))
        {
            problems.Add($"{section}:TeamLanguage must be en or zh, was '{options.TeamLanguage}'.");
        }

        if (options.LateNoticeLimit is { } late && late <= TimeSpan.Zero)
        {
            problems.Add($"{section}:LateNoticeLimit must be positive, was {late}; leave it empty to mail every late notice.");
        }

        errors = problems;
        catalog = problems.Count == 0 ? new SlaCatalog(calendars, policies, byPriority, defaultPolicy, teams, defaultTeam, language, options.LateNoticeLimit) : null;
        return catalog is not null;
    }

    private static SlaPolicy? CompilePolicy(SlaPolicyOptions options, string at, SlaOptions all, Dictionary<string, BusinessCalendar> calendars, List<string> problems)
    {
        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            problems.Add($"{at}:Name is empty.");
        }

        BusinessCalendar? calendar;
        if (string.IsNullOrWhiteSpace(options.Calendar))
        {
            calendar = BusinessCalendar.AlwaysOpen("(around the clock)", TimeZoneInfo.Utc);
        }
        else if (!calendars.TryGetValue(options.Calendar, out calendar)
            && !all.Calendars.Any(c => c.Name.Trim().Equals(options.Calendar.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            // A calendar that exists but failed to compile has its own error already.
            problems.Add($"{at}:Calendar '{options.Calendar}' is not in the calendars ({string.Join(", ", all.Calendars.Select(c => c.Name))}).");
        }

        if (options.FirstResponse <= TimeSpan.Zero)
        {
            problems.Add($"{at}:FirstResponse must be positive, was {options.FirstResponse}.");
        }

        if (options.Resolution <= TimeSpan.Zero)
        {
            problems.Add($"{at}:Resolution must be positive, was {options.Resolution}.");
        }

        if (options.ReminderShare is { } share && !(share > 0 && share < 1))
        {
            problems.Add($"{at}:ReminderShare must be between 0 and 1 (0.75 reminds at 75% of the target), was {share.ToString(CultureInfo.InvariantCulture)}; leave it empty for no reminders.");
        }

        return problems.Count == before && calendar is not null
            ? new SlaPolicy(options.Name.Trim(), calendar, options.FirstResponse, options.Resolution, options.ReminderShare, options.EscalateOnBreach, options.PauseWhileWaitingOnCustomer)
            : null;
    }

    // The tolerant address reader decides; exactly one plain addr-spec, nothing dropped.
    private static bool LooksLikeAddress(string address)
    {
        var list = AddressList.Parse(Encoding.UTF8.GetBytes(address.Trim()), null, out var malformed);
        return !malformed && list is [MailboxAddress { LocalPart.Length: > 0, Domain.Length: > 0 } mailbox] && mailbox.Name is null;
    }
}
