using System.Globalization;

namespace MailTicketing.Worker.Configuration;

/// <summary>Checks the configuration once at start and reports every problem together, naming the setting and its value.</summary>
public static class WorkerOptionsValidator
{
    public static IReadOnlyList<string> Validate(WorkerOptions options)
    {
        var errors = new List<string>();
        if (options.Mailboxes.Count == 0)
        {
            errors.Add("MailTicketing:Mailboxes is empty; configure at least one mailbox.");
        }

        for (var i = 0; i < options.Mailboxes.Count; i++)
        {
            var mailbox = options.Mailboxes[i];
            var at = $"MailTicketing:Mailboxes:{i}";
            if (string.IsNullOrWhiteSpace(mailbox.Name))
            {
                errors.Add($"{at}:Name is empty.");
            }

            if (mailbox.Address.Split('@') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                errors.Add($"{at}:Address must be an address like support@example.com, was '{mailbox.Address}'.");
            }

            if (mailbox.TicketPrefix.Length is 0 or > 8 || !mailbox.TicketPrefix.All(char.IsAsciiLetterOrDigit))
            {
                errors.Add($"{at}:TicketPrefix must be 1-8 letters or digits, was '{mailbox.TicketPrefix}'.");
            }

            if (mailbox.ResponseTime <= TimeSpan.Zero)
            {
                errors.Add($"{at}:ResponseTime must be positive, was {mailbox.ResponseTime}.");
            }
        }

        foreach (var duplicate in options.Mailboxes.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"MailTicketing:Mailboxes has the name '{duplicate.Key}' {duplicate.Count()} times.");
        }

        foreach (var duplicate in options.Mailboxes.GroupBy(m => m.TicketPrefix, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"MailTicketing:Mailboxes uses the ticket prefix '{duplicate.Key}' {duplicate.Count()} times; numbers would collide.");
        }

        if (options.PollInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"MailTicketing:PollInterval must be at least 1 second, was {options.PollInterval}.");
        }

        if (options.MaxAcknowledgementsPerSenderPerHour < 0)
        {
            errors.Add($"MailTicketing:MaxAcknowledgementsPerSenderPerHour must be 0 or more, was {options.MaxAcknowledgementsPerSenderPerHour.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (options.MaxMessageBytes < 1024)
        {
            errors.Add($"MailTicketing:MaxMessageBytes must be at least 1024, was {options.MaxMessageBytes.ToString(CultureInfo.InvariantCulture)}.");
        }

        options.Smtp?.Validate(errors);

        return errors;
    }
}
