using System.Globalization;

namespace MailTicketing.Mime.Writing;

/// <summary>date-time of RFC 5322 §3.3 with a numeric zone, e.g. "Fri, 21 Nov 2026 13:05:09 +0800".</summary>
internal static class RfcDate
{
    public static string Format(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var minutes = Math.Abs((int)offset.TotalMinutes);
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + (minutes / 60).ToString("00", CultureInfo.InvariantCulture) + (minutes % 60).ToString("00", CultureInfo.InvariantCulture);
    }
}
