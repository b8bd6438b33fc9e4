using System.Diagnostics.CodeAnalysis;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Threading;

/// <summary>Finds a ticket tag in a subject: "[Ticket#SUP-000123]", also with full-width brackets or spaces that mail clients add.</summary>
public static class SubjectTag
{
    public static bool TryFind(string? subject, [NotNullWhen(true)] out TicketNumber? number)
    {
        number = null;
        if (string.IsNullOrEmpty(subject))
        {
            return false;
        }

        var index = 0;
        while ((index = subject.IndexOf("Ticket#", index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var start = index + "Ticket#".Length;
            while (start < subject.Length && subject[start] == ' ')
            {
                start++;
            }

            var end = start;
            while (end < subject.Length && (char.IsAsciiLetterOrDigit(subject[end]) || subject[end] == '-'))
            {
                end++;
            }

            if (TicketNumber.TryParse(subject[start..end], out number))
            {
                return true;
            }

            index = end;
        }

        return false;
    }

    /// <summary>The subject with the tag put in front, unless it already carries this tag.</summary>
    public static string Apply(TicketNumber number, string subject) =>
        subject.Contains(number.Tag, StringComparison.OrdinalIgnoreCase) ? subject : $"{number.Tag} {subject}".Trim();
}
