using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>What became of one message.</summary>
public sealed record IngestResult(IngestOutcome Outcome, TicketNumber? Ticket, string Detail, bool AcknowledgementQueued = false);
