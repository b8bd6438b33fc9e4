using MailTicketing.Mime;
using MailTicketing.Rules;
using MailTicketing.Tickets.Acknowledgements;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Routing;
using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;

namespace MailTicketing.Worker.Cli;

/// <summary>
/// Routes a message file as ingestion would (the same fact extraction and routing policy) but
/// with no store: threading is not decided, so each message is routed as a new ticket, or as
/// a follow-up when asked.
/// </summary>
internal sealed class RulesCommandDryRun(WorkerOptions options, RuleSet rules, RulesCommandDryRun.Settings settings)
{
    private readonly TicketingOptions _ticketing = WorkerServices.ToTicketingOptions(options);
    private readonly RulesRoutingPolicy _policy = new(() => rules);

    public RulesCommandResult Route(string file)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return RulesCommandResult.Failed(file, $"cannot read: {e.Message}");
        }

        using (message)
        {
            var (mailbox, how) = ChooseMailbox(message);
            if (mailbox is null)
            {
                return RulesCommandResult.Failed(file, how);
            }

            var input = RoutingInput.Read(message, mailbox, isNewTicket: !settings.FollowUp, _ticketing.TrustedAuthServId);
            if (input is null)
            {
                return RulesCommandResult.Failed(file, "no sender address in From, Sender or Reply-To (ingestion quarantines such mail)");
            }

            var decision = _policy.Route(input, out var outcome);
            return new RulesCommandResult(file, message.Subject, input, how, outcome, decision, Acknowledgement(message, input, decision), null);
        }
    }

    /// <summary>The template the worker would send, or null with the reason it would send none.</summary>
    private static (string? Template, string Note) Acknowledgement(MimeMessage message, RoutingInput input, RoutingDecision decision)
    {
        if (!input.IsNewTicket)
        {
            return (null, "follow-ups are not acknowledged");
        }

        if (decision.SuppressAcknowledgement)
        {
            return (null, "a rule suppresses it");
        }

        if (message.Automation.IsMachineGenerated)
        {
            return (null, "machine-generated mail (" + string.Join("; ", message.Automation.Signals) + ")");
        }

        // As TicketWriter: untrusted senders on security@ get the minimal one whatever the rules say.
        if (input.AuthenticationFailed && input.Mailbox == "security")
        {
            return (AcknowledgementTemplates.Minimal, "SPF/DKIM/DMARC failed on security@");
        }

        return (decision.AcknowledgementTemplate ?? AcknowledgementTemplates.Standard, "unless the sender is suppressed or over the hourly cap");
    }

    private (MailboxDefinition? Mailbox, string How) ChooseMailbox(MimeMessage message)
    {
        if (settings.Mailbox is { } name)
        {
            return _ticketing.FindMailbox(name) is { } given
                ? (given, "given")
                : (null, $"no mailbox '{name}' is configured ({string.Join(", ", _ticketing.Mailboxes.Select(m => m.Name))})");
        }

        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(message.Headers.FindAll("Delivered-To").Select(h => h.Value.Trim(' ', '<', '>')));
        foreach (var address in recipients)
        {
            if (_ticketing.Mailboxes.FirstOrDefault(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase)) is { } named)
            {
                return (named, "from the recipients");
            }
        }

        return _ticketing.Mailboxes.Count > 0
            ? (_ticketing.Mailboxes[0], "no configured mailbox among the recipients; the first one")
            : (null, "no mailbox is configured");
    }

    /// <summary>What the command line says about how to route.</summary>
    /// <param name="Mailbox">The mailbox name, or null to take it from the recipients.</param>
    /// <param name="FollowUp">Route as follow-ups on an existing ticket.</param>
    internal sealed record Settings(string? Mailbox, bool FollowUp);
}
