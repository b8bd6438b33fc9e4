using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MailTicketing.Tickets.Model;

/// <summary>A ticket's number: the mailbox's prefix and a per-prefix sequence, written "SUP-000123".</summary>
public readonly record struct TicketNumber(string Prefix, long Sequence)
{
    /// <summary>The tag put in subjects so replies find their ticket: "[Ticket#SUP-000123]".</summary>
    public string Tag => $"[Ticket#{this}]";

    public override string ToString() => $"{Prefix}-{Sequence.ToString("D6", CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out TicketNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var dash = text.LastIndexOf('-');
        if (dash <= 0 || dash == text.Length - 1)
        {
            return false;
        }

        var prefix = text[..dash];
        if (!prefix.All(char.IsAsciiLetterOrDigit)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence <= 0)
        {
            return false;
        }

        number = new TicketNumber(prefix.ToUpperInvariant(), sequence);
        return true;
    }

    public static TicketNumber Parse(string text) =>
        TryParse(text, out var number) ? number.Value : throw new FormatException($"'{text}' is not a ticket number like SUP-000123.");
}
