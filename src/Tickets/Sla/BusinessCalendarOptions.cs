namespace MailTicketing.Tickets.Sla;

/// <summary>
/// One business calendar in configuration ("MailTicketing:Sla:Calendars:N"):
/// <code>
/// { "Name": "shanghai", "TimeZone": "Asia/Shanghai",
///   "Hours": { "Mon-Fri": "09:00-12:00, 13:00-18:00" },
///   "Holidays": [ { "Date": "2025-10-01..2025-10-07", "Name": "National Day" },
///                 { "Date": "2025-12-31", "Hours": "09:00-12:00" } ],
///   "WorkingDays": [ { "Date": "2025-09-28", "Hours": "09:00-18:00" } ] }
/// </code>
/// </summary>
public sealed class BusinessCalendarOptions
{
    public string Name { get; set; } = "";

    /// <summary>An IANA time zone id ("Asia/Shanghai", "Europe/Berlin", "UTC").</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Weekdays ("Mon-Fri", "Sat", "Sat,Sun", "Daily") to opening hours ("09:00-12:00, 13:00-18:00", "00:00-24:00", "closed"). Weekdays not named are closed.</summary>
    public Dictionary<string, string> Hours { get; set; } = [];

    /// <summary>Closed dates; with Hours, a half day open only then.</summary>
    public List<SpecialDateOptions> Holidays { get; set; } = [];

    /// <summary>Extra working dates (make-up days on a weekend); Hours is required.</summary>
    public List<SpecialDateOptions> WorkingDays { get; set; } = [];
}
