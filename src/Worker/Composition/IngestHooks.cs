using MailTicketing.Tickets.Ingestion;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Worker.Composition;

/// <summary>What a source wants to hear from <see cref="IngestRunner"/> besides the counts.</summary>
public sealed class IngestHooks
{
    /// <summary>Runs inside each transaction, after its messages and before its commit (a source's checkpoint).</summary>
    public Func<ITicketSession, IReadOnlyList<IncomingMail>, Task>? BeforeCommit { get; init; }

    /// <summary>Called for each message once its transaction committed (never for one that failed).</summary>
    public Action<IncomingMail, IngestResult>? Committed { get; init; }
}
