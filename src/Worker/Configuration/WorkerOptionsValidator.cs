using System.Globalization;
using System.Net;
using MailTicketing.Imap;

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

            if (mailbox.Imap is { } imap)
            {
                if (mailbox.Maildir is not null)
                {
                    errors.Add($"{at} has both Maildir and Imap; a mailbox is read from one source.");
                }

                ValidateImap(imap, $"{at}:Imap", errors);
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

        if (options.RulesCheckInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"MailTicketing:RulesCheckInterval must be at least 1 second, was {options.RulesCheckInterval}.");
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
        options.Database.Validate(errors);

        Scheduling.JobSchedules.Validate(options, errors);
        if (options.MailboxLease < TimeSpan.FromSeconds(5))
        {
            errors.Add($"MailTicketing:MailboxLease must be at least 5 seconds, was {options.MailboxLease}.");
        }

        if (options.ImapIdleDuration < TimeSpan.Zero)
        {
            errors.Add($"MailTicketing:ImapIdleDuration must not be negative, was {options.ImapIdleDuration}.");
        }

        if (options.OutboxMaxAge <= TimeSpan.Zero)
        {
            errors.Add($"MailTicketing:OutboxMaxAge must be positive, was {options.OutboxMaxAge}.");
        }

        return errors;
    }

    private static void ValidateImap(ImapMailboxOptions imap, string at, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(imap.Host))
        {
            errors.Add($"{at}:Host is empty.");
        }

        if (imap.Port is { } port && port is < 1 or > 65535)
        {
            errors.Add($"{at}:Port must be 1-65535, was {port.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (imap.Security == ImapSecurity.None && !IsLoopback(imap.Host))
        {
            errors.Add($"{at}:Security None sends the password in clear text; it is allowed only for a loopback host, was '{imap.Host}'. Use ImplicitTls or StartTls.");
        }

        if (string.IsNullOrWhiteSpace(imap.User))
        {
            errors.Add($"{at}:User is empty.");
        }

        var secretVariables = new[] { ("PasswordVariable", imap.PasswordVariable), ("AccessTokenVariable", imap.AccessTokenVariable) }
            .Where(v => !string.IsNullOrWhiteSpace(v.Item2)).ToList();
        if (secretVariables.Count != 1)
        {
            errors.Add($"{at} needs exactly one of PasswordVariable or AccessTokenVariable (the name of the environment variable holding the secret, never the secret itself).");
        }
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(secretVariables[0].Item2!)))
        {
            errors.Add($"{at}:{secretVariables[0].Item1} names the environment variable '{secretVariables[0].Item2}', which is not set.");
        }

        if (imap.CaFile is { Length: > 0 } caFile && !File.Exists(caFile))
        {
            errors.Add($"{at}:CaFile '{caFile}' does not exist.");
        }

        foreach (var pin in imap.PinnedCertificates)
        {
            var hex = pin.Replace(":", "", StringComparison.Ordinal);
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                errors.Add($"{at}:PinnedCertificates must hold SHA-256 hashes (64 hex digits, colons allowed), was '{pin}'.");
            }
        }

        if (string.IsNullOrWhiteSpace(imap.Folder))
        {
            errors.Add($"{at}:Folder is empty.");
        }

        switch (imap.Processed)
        {
            case ImapProcessedAction.Move when string.IsNullOrWhiteSpace(imap.ProcessedFolder):
                errors.Add($"{at}:Processed is Move but ProcessedFolder is empty.");
                break;
            case ImapProcessedAction.Move when string.Equals(imap.ProcessedFolder, imap.Folder, StringComparison.Ordinal):
                errors.Add($"{at}:ProcessedFolder must differ from Folder ('{imap.Folder}').");
                break;
            case ImapProcessedAction.Flag when !IsFlag(imap.ProcessedFlag):
                errors.Add($"{at}:ProcessedFlag must be \\Seen, \\Flagged or a keyword (letters, digits, $, -, _, .), was '{imap.ProcessedFlag}'.");
                break;
        }

        if (imap.CommandTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{at}:CommandTimeout must be at least 1 second, was {imap.CommandTimeout}.");
        }
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    // RFC 3501 §9: flag-keyword is an atom; we accept the common safe subset, and the system flags worth setting.
    private static bool IsFlag(string flag) =>
        flag is ImapFlags.Seen or ImapFlags.Flagged or ImapFlags.Answered
        || (flag.Length is > 0 and <= 64 && flag.All(c => char.IsAsciiLetterOrDigit(c) || c is '$' or '-' or '_' or '.'));
}
