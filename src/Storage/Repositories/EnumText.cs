using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Repositories;

/// <summary>Enums are stored by name, so the data reads without the code and survives reordering.</summary>
internal static class EnumText
{
    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        text.Length > 0 && !char.IsAsciiDigit(text[0]) && Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"The database holds '{text}', which is not a {typeof(TEnum).Name}.");

    /// <summary>"None", or the set flags' names joined by ", ".</summary>
    public static string FormatFlags(TicketFlags flags)
    {
        if (flags == TicketFlags.None)
        {
            return nameof(TicketFlags.None);
        }

        var names = new List<string>();
        foreach (var flag in Enum.GetValues<TicketFlags>())
        {
            if (flag != TicketFlags.None && flags.HasFlag(flag))
            {
                names.Add(flag.ToString());
            }
        }

        return string.Join(", ", names);
    }

    /// <summary>Names this build does not know (written by a newer one) are skipped rather than failing the read.</summary>
    public static TicketFlags ParseFlags(string text)
    {
        var flags = TicketFlags.None;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!char.IsAsciiDigit(name[0]) && Enum.TryParse<TicketFlags>(name, ignoreCase: false, out var flag))
            {
                flags |= flag;
            }
        }

        return flags;
    }
}
