using MailTicketing.Mime;
using MailTicketing.Tickets.Acknowledgements;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Routing;
using MailTicketing.Tickets.Security;
using MailTicketing.Tickets.Threading;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>Writes a threading decision into the session: the ticket, the message, its identifiers, events and acknowledgement.</summary>
internal sealed class TicketWriter(TicketingOptions options, IRoutingPolicy routing, MessageIdSigner signer)
{
    private readonly AcknowledgementPolicy _acknowledgementPolicy = new(options);
    private readonly AcknowledgementComposer _composer = new(signer);

    public async Task<IngestResult> WriteAsync(
        IngestContext context, MimeMessage message, MailboxAddress sender, MessageFacts facts, ThreadingDecision decision, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var customer = sender.Address.ToLowerInvariant();
        var isNew = decision.Ticket is null;
        var fromStaff = !isNew && options.IsStaffAddress(customer);
        var route = routing.Route(RoutingInput.From(message, context.Mailbox, customer, facts, isNew));

        var flags = decision.Flags
            | (facts.SecretKinds.Count > 0 ? TicketFlags.SecretsRedacted : TicketFlags.None)
            | (facts.AuthenticationFailed ? TicketFlags.AuthenticationFailed : TicketFlags.None);

        TicketRecord ticket;
        if (decision.Ticket is { } existing)
        {
            ticket = existing;
            // Staff mail is an answer, not the customer writing again: it leaves the status alone.
            var status = fromStaff ? existing.Status : NextStatus(existing.Status, message);
            if (status != existing.Status)
            {
                await session.AddEventAsync(existing.Id, receivedAt, "status", $"{existing.Status} -> {status}: the customer wrote again");
            }

            await session.UpdateTicketAsync(existing.Id, status, existing.Flags | flags, receivedAt);
            if (!existing.Mailbox.Equals(context.Mailbox.Name, StringComparison.OrdinalIgnoreCase))
            {
                // A ticket's own mailbox is always listed; only another one needs adding.
                await session.AddTicketMailboxAsync(existing.Id, context.Mailbox.Name);
            }

            await RoutingWriter.WriteFollowUpAsync(session, existing, route, message.MessageId, receivedAt);
            if (fromStaff && IsAddressedTo(message, existing.CustomerAddress) && await session.RecordFirstResponseAsync(existing.Id, receivedAt))
            {
                await session.AddEventAsync(existing.Id, receivedAt, TicketEvent.FirstResponseKind, $"{customer} answered {existing.CustomerAddress}");
            }
        }
        else
        {
            var number = await session.AllocateTicketNumberAsync(context.Mailbox.TicketPrefix);
            var linked = decision.Reason == ThreadingReason.ReplyToClosedTicket ? decision.Related : null;
            var (queue, priority) = (route.Queue ?? context.Mailbox.Name, route.Priority ?? TicketPriority.Normal);
            var id = await session.InsertTicketAsync(new NewTicket(
                number, context.Mailbox.Name, queue, route.Category, priority, customer, facts.Subject, facts.Language, flags, receivedAt, linked?.Id));
            ticket = new TicketRecord(
                id, number, context.Mailbox.Name, queue, route.Category, priority, TicketStatus.Submitted,
                customer, facts.Subject, facts.Language, flags, receivedAt, receivedAt, linked?.Id);
            await session.AddEventAsync(id, receivedAt, "created", $"{decision.Reason}: {decision.Detail}");
            await RoutingWriter.WriteNewAsync(session, id, queue, priority, route, receivedAt);

            if (decision.Related is { } related)
            {
                var note = decision.Reason == ThreadingReason.ReplyToClosedTicket
                    ? $"a reply to this closed ticket opened {number}"
                    : $"{customer} quoted this ticket's tag; opened {number} instead";
                await session.AddEventAsync(related.Id, receivedAt, "related", note);
            }
        }

        if (facts.SecretKinds.Count > 0)
        {
            await session.AddEventAsync(ticket.Id, receivedAt, "secrets-redacted", string.Join(", ", facts.SecretKinds));
        }

        if (facts.AuthenticationFailed)
        {
            await session.AddEventAsync(ticket.Id, receivedAt, "authentication-failed", facts.AuthenticationDetail ?? "SPF/DKIM/DMARC failed");
        }

        var kind = fromStaff ? MessageKind.StaffMail
            : message.Automation.IsAutoReply && !isNew ? MessageKind.AutoReply
            : MessageKind.CustomerMail;
        var messageRowId = await InsertInboundAsync(context, message, sender, facts, ticket.Id, kind, decision.Reason, decision.Detail, receivedAt);
        await session.AddIdentifiersAsync(ticket.Id, facts.Identifiers);
        foreach (var participant in Participants(message, customer))
        {
            await session.AddParticipantAsync(ticket.Id, participant);
        }

        await session.RecordDeliveryAsync(context.Mailbox.Name, context.Sha256, ticket.Id, messageRowId, receivedAt);
        if (!isNew)
        {
            return new IngestResult(IngestOutcome.AddedToTicket, ticket.Number, $"{decision.Reason}: {decision.Detail}");
        }

        var acknowledged = await AcknowledgeAsync(context, message, sender, facts, ticket, route, receivedAt);
        return new IngestResult(IngestOutcome.NewTicket, ticket.Number, $"{decision.Reason}: {decision.Detail}", acknowledged);
    }

    public async Task AddBounceAsync(IngestContext context, MimeMessage message, MailboxAddress sender, TicketRecord ticket, string detail, IReadOnlyList<string> permanentFailures, DateTimeOffset receivedAt)
    {
        var session = context.Session;
        var facts = MessageFacts.Read(message, options.TrustedAuthServId);
        var messageRowId = await InsertInboundAsync(context, message, sender, facts, ticket.Id, MessageKind.Bounce, ThreadingReason.AboutOurMessage, detail, receivedAt);
        await session.AddEventAsync(ticket.Id, receivedAt, "bounce", detail);
        var route = routing.Route(RoutingInput.From(message, context.Mailbox, sender.Address.ToLowerInvariant(), facts, isNewTicket: false));
        await RoutingWriter.WriteFollowUpAsync(session, ticket, route, message.MessageId, receivedAt);
        var flags = ticket.Flags;
        foreach (var address in permanentFailures)
        {
            await session.SuppressAddressAsync(address.ToLowerInvariant(), "permanent delivery failure: " + detail, ticket.Id, receivedAt);
            await session.AddEventAsync(ticket.Id, receivedAt, "address-suppressed", $"no more mail to {address}: it bounced permanently");
            if (address.Equals(ticket.CustomerAddress, StringComparison.OrdinalIgnoreCase))
            {
                flags |= TicketFlags.CustomerAddressBounced;
            }
        }

        await session.UpdateTicketAsync(ticket.Id, ticket.Status, flags, ticket.UpdatedAt > receivedAt ? ticket.UpdatedAt : receivedAt);
        await session.RecordDeliveryAsync(context.Mailbox.Name, context.Sha256, ticket.Id, messageRowId, receivedAt);
    }

    /// <summary>A customer's new mail puts a ticket waiting on them, or already resolved, back in progress; an auto-reply changes nothing.</summary>
    private static TicketStatus NextStatus(TicketStatus current, MimeMessage message) =>
        !message.Automation.IsMachineGenerated && current is TicketStatus.WaitingOnCustomer or TicketStatus.Resolved
            ? TicketStatus.InProgress
            : current;

    private static bool IsAddressedTo(MimeMessage message, string address) =>
        message.To.Mailboxes.Concat(message.Cc.Mailboxes).Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase));

    private IEnumerable<string> Participants(MimeMessage message, string customer)
    {
        var addresses = message.From.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.To.Mailboxes)
            .Select(m => m.Address.ToLowerInvariant())
            .Where(a => a.Contains('@') && a != customer && !options.IsOwnAddress(a));
        return addresses.Append(customer).Distinct();
    }

    private static async Task<long> InsertInboundAsync(
        IngestContext context, MimeMessage message, MailboxAddress sender, MessageFacts facts, long ticketId, MessageKind kind, ThreadingReason reason, string detail, DateTimeOffset receivedAt)
    {
        var entities = message.Attachments;
        var attachments = new List<StoredAttachment>(entities.Count);
        for (var i = 0; i < entities.Count; i++)
        {
            attachments.Add(await StoreAttachmentAsync(context.Session, entities[i], context.AttachmentBlobs?[i]));
        }

        return await context.Session.InsertMessageAsync(new NewMessage(
            ticketId,
            context.Mailbox.Name,
            MessageDirection.Inbound,
            kind,
            message.MessageId,
            message.InReplyTo,
            sender.Address.ToLowerInvariant(),
            sender.Name,
            message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address).ToList(),
            facts.Subject,
            receivedAt,
            reason,
            detail,
            facts.Text,
            context.Sha256,
            context.Size,
            facts.Fingerprint,
            attachments));
    }

    /// <summary>Stores an attachment's bytes under their hash (from <paramref name="prepared"/> when it was encoded ahead); its own name is kept only as a label.</summary>
    private static async Task<StoredAttachment> StoreAttachmentAsync(ITicketSession session, MimeEntity entity, PreparedBlob? prepared)
    {
        var (content, disposition) = AttachmentContent.Of(entity);
        string sha256;
        if (prepared is not null)
        {
            sha256 = prepared.Sha256;
            await session.PutBlobAsync(prepared);
        }
        else
        {
            sha256 = content.ComputeSha256();
            using var stream = content.OpenRead();
            await session.PutBlobAsync(sha256, stream, AttachmentContent.ShouldCompress(entity));
        }

        var name = entity.FileName ?? (entity is MessagePart m && m.Message.Subject is { Length: > 0 } s ? s + ".eml" : null);
        return new StoredAttachment(name, entity.ContentType.MimeType, content.Length, sha256, entity.ContentId, disposition);
    }

    private async Task<bool> AcknowledgeAsync(
        IngestContext context, MimeMessage message, MailboxAddress sender, MessageFacts facts, TicketRecord ticket, RoutingDecision route, DateTimeOffset receivedAt)
    {
        var session = context.Session;
        var customer = sender.Address.ToLowerInvariant();
        var whyNot = await _acknowledgementPolicy.WhyNotAsync(session, message, customer, route.SuppressAcknowledgement, context.Now);
        if (whyNot is not null)
        {
            await session.AddEventAsync(ticket.Id, receivedAt, "acknowledgement-skipped", whyNot);
            return false;
        }

        // Say nothing beyond the ticket number to a sender we cannot trust: a failed SPF/DKIM/DMARC
        // check on security@, or a stranger quoting someone else's ticket tag.
        var minimal = (facts.AuthenticationFailed && context.Mailbox.Name.Equals("security", StringComparison.OrdinalIgnoreCase))
            || ticket.Flags.HasFlag(TicketFlags.StrangerQuotedTicketTag)
            || route.AcknowledgementTemplate == AcknowledgementTemplates.Minimal;
        var ack = _composer.Compose(new AcknowledgementRequest(
            ticket.Number,
            context.Mailbox,
            options.CompanyName,
            customer,
            sender.Name,
            facts.Subject,
            message.MessageId,
            message.References,
            facts.Language,
            facts.Identifiers.Any(i => i.Kind == IdentifierKind.AccountUid),
            facts.Identifiers.Any(i => i.Kind == IdentifierKind.TransactionId),
            message.Attachments.Count > 0,
            facts.SecretKinds,
            minimal,
            context.Now));

        var rowId = await session.InsertMessageAsync(new NewMessage(
            ticket.Id, context.Mailbox.Name, MessageDirection.Outbound, MessageKind.Acknowledgement, ack.MessageId, message.MessageId,
            context.Mailbox.Address, context.Mailbox.DisplayName, [customer], ack.Subject, receivedAt, ThreadingReason.NewTicket,
            "acknowledgement of a new ticket", ack.Text, null, ack.Raw.Length, 0, []));
        // Due when written: a sender's clock (the Date of an imported message) must not delay it.
        await session.EnqueueOutboxAsync(new OutboxItem(ticket.Id, rowId, customer, ack.MessageId, ack.Raw, context.Now));
        await session.AddEventAsync(ticket.Id, receivedAt, "acknowledgement-queued", $"to {customer} in {(facts.Language == "zh" ? "Chinese" : "English")}{(minimal ? ", minimal" + (route.AcknowledgementTemplate == AcknowledgementTemplates.Minimal ? " (rule)" : " (untrusted sender)") : "")}");
        return true;
    }
}
