using System.Globalization;

namespace MailTicketing.Imap.Protocol;

/// <summary>INTERNALDATE / date-time (RFC 3501 §9): "17-Jul-1996 02:44:25 -0700", the day may be space-padded.</summary>
internal static class ImapDateTime
{
    private static readonly string[] Formats = ["d-MMM-yyyy HH:mm:ss", "dd-MMM-yyyy HH:mm:ss"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        var space = trimmed.LastIndexOf(' ');
        if (space < 0)
        {
            return null;
        }

        var zone = trimmed.AsSpan(space + 1);
        if (zone.Length != 5 || zone[0] is not ('+' or '-')
            || !int.TryParse(zone[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(zone[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || !DateTime.TryParseExact(trimmed[..space].Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        try
        {
            return new DateTimeOffset(local, zone[0] == '-' ? -offset : offset);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static string Format(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return value.ToString("dd-MMM-yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + offset.Hours.ToString("D2", CultureInfo.InvariantCulture) + offset.Minutes.ToString("D2", CultureInfo.InvariantCulture);
    }
}
