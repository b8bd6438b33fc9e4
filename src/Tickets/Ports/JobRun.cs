namespace MailTicketing.Tickets.Ports;

/// <summary>One finished run of a scheduled job, as <see cref="ICoordinationStore.RecordJobRunAsync"/> records it.</summary>
/// <param name="Job">The job's name: "Outbox", "Sla", "MailboxPoll/support".</param>
/// <param name="Owner">The worker that ran it.</param>
/// <param name="Error">Null when the run succeeded; otherwise what went wrong, in one line.</param>
/// <param name="Result">What the run did (messages read, mails sent, actions taken), when it says.</param>
/// <param name="Backlog">For a mailbox poll: messages still waiting after it, when known.</param>
public sealed record JobRun(string Job, string Owner, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string? Error, int? Result, int? Backlog)
{
    public bool Succeeded => Error is null;
}
