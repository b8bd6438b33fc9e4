using System.Globalization;

namespace MailTicketing.Tickets.Model;

/// <summary>How a moment is written for people (notices, event details, the CLI): UTC, marked Z, culture-free.</summary>
public static class UtcText
{
    /// <summary>"2026-11-21 09:30Z".</summary>
    public static string Minutes(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-21 09:30:05Z".</summary>
    public static string Seconds(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
