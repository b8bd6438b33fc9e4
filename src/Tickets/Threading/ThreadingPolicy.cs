using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Ports;
using MailTicketing.Tickets.Security;

namespace MailTicketing.Tickets.Threading;

/// <summary>
/// Decides which ticket an inbound message belongs to, strongest evidence first: a reference to
/// one of our messages or the ticket's own, the ticket tag from the customer or a participant,
/// the same TxID or order number from the same customer, nearly the same text from the same
/// customer. A UID alone never joins tickets: it names the account, not the problem.
/// </summary>
public sealed class ThreadingPolicy(MessageIdSigner signer, TicketingOptions options)
{
    public async Task<ThreadingDecision> DecideAsync(ITicketSession session, ThreadingInput input)
    {
        var flags = TicketFlags.None;
        var forged = new List<string>();

        foreach (var id in ReferencesNewestFirst(input))
        {
            var check = signer.Check(id, out var signedTicket);
            if (check == MessageIdCheck.Forged)
            {
                flags |= TicketFlags.ForgedReference;
                forged.Add(id);
                continue;
            }

            var found = await session.FindMessageByMessageIdAsync(id, MessageDirection.Outbound)
                ?? await session.FindMessageByMessageIdAsync(id, MessageDirection.Inbound);
            var ticket = found is not null
                ? await session.FindTicketByIdAsync(found.TicketId)
                : signedTicket is { } number ? await session.FindTicketAsync(number) : null;
            if (ticket is not null)
            {
                return await JoinAsync(session, ticket, ThreadingReason.ReplyReference, $"references <{id}>", flags);
            }
        }

        var forgedNote = forged.Count > 0 ? $"; ignored forged reference <{forged[0]}>" : "";

        if (SubjectTag.TryFind(input.Subject, out var tagged) && await session.FindTicketAsync(tagged.Value) is { } taggedTicket)
        {
            // Staff answer tickets by their tag; a staff domain is configured by ops, and forged senders fail DMARC and are flagged.
            if (IsSameAddress(taggedTicket.CustomerAddress, input.SenderAddress)
                || options.IsStaffAddress(input.SenderAddress)
                || await session.IsParticipantAsync(taggedTicket.Id, input.SenderAddress))
            {
                return await JoinAsync(session, taggedTicket, ThreadingReason.SubjectTag, $"subject carries {tagged.Value.Tag}" + forgedNote, flags);
            }

            return new ThreadingDecision(
                null,
                ThreadingReason.StrangerQuotedTag,
                $"{input.SenderAddress} quoted {tagged.Value.Tag} but is not its customer or a participant" + forgedNote,
                flags | TicketFlags.StrangerQuotedTicketTag,
                taggedTicket);
        }

        var identifierSince = input.ReceivedAt - options.SameIdentifierWindow;
        foreach (var identifier in input.Identifiers.Where(i => i.Kind is IdentifierKind.TransactionId or IdentifierKind.OrderId))
        {
            var tickets = await session.FindOpenTicketsWithIdentifierAsync(input.SenderAddress, identifier.Kind, identifier.Value, identifierSince);
            if (tickets.Count > 0)
            {
                var label = identifier.Kind == IdentifierKind.TransactionId ? "TxID" : "order";
                return await JoinAsync(session, tickets[0], ThreadingReason.SameIdentifier, $"same {label} {identifier.Value} within {options.SameIdentifierWindow.TotalDays:0.#} days" + forgedNote, flags);
            }
        }

        if (input.TextFingerprint != 0)
        {
            var recent = await session.FindRecentInboundTextsAsync(input.SenderAddress, input.ReceivedAt - options.NearDuplicateWindow, limit: 50);
            var match = recent.FirstOrDefault(r => TextFingerprint.AreNearDuplicates(r.TextFingerprint, input.TextFingerprint));
            if (match is not null && await session.FindTicketByIdAsync(match.TicketId) is { } duplicateOf)
            {
                var distance = TextFingerprint.Distance(match.TextFingerprint, input.TextFingerprint);
                return await JoinAsync(session, duplicateOf, ThreadingReason.NearDuplicate, $"nearly the same text as message {match.MessageRowId} (distance {distance}/64)" + forgedNote, flags);
            }
        }

        return new ThreadingDecision(null, ThreadingReason.NewTicket, "no earlier ticket matched" + forgedNote, flags, null);
    }

    /// <summary>
    /// Joins the ticket, unless it is closed: then the ticket an earlier reply to it opened, or
    /// else a new ticket linked to it (so a closed case is never reopened silently).
    /// </summary>
    private static async Task<ThreadingDecision> JoinAsync(ITicketSession session, TicketRecord ticket, ThreadingReason reason, string detail, TicketFlags flags)
    {
        if (ticket.Status != TicketStatus.Closed)
        {
            return new ThreadingDecision(ticket, reason, detail, flags, null);
        }

        if (await session.FindOpenTicketLinkedToAsync(ticket.Id) is { } successor)
        {
            return new ThreadingDecision(successor, reason, $"{detail}; {ticket.Number} is closed, {successor.Number} continues it", flags, null);
        }

        return new ThreadingDecision(null, ThreadingReason.ReplyToClosedTicket, $"{detail}; {ticket.Number} is closed", flags | TicketFlags.ReopenedFromClosed, ticket);
    }

    /// <summary>In-Reply-To first, then References from the newest (last) to the oldest.</summary>
    private static IEnumerable<string> ReferencesNewestFirst(ThreadingInput input)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (input.InReplyTo is { } inReplyTo && seen.Add(inReplyTo))
        {
            yield return inReplyTo;
        }

        for (var i = input.References.Count - 1; i >= 0; i--)
        {
            if (seen.Add(input.References[i]))
            {
                yield return input.References[i];
            }
        }
    }

    private static bool IsSameAddress(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
