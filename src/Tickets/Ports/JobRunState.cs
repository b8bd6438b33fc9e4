namespace MailTicketing.Tickets.Ports;

/// <summary>How a job's runs have gone, across every worker of the database.</summary>
public sealed record JobRunState(
    string Job,
    DateTimeOffset LastStartedAt,
    DateTimeOffset LastFinishedAt,
    DateTimeOffset? LastSucceededAt,
    DateTimeOffset? LastFailedAt,
    string? LastError,
    int? LastResult,
    int? Backlog,
    long Runs,
    long Failures,
    long ConsecutiveFailures,
    string LastOwner)
{
    /// <summary>The latest run failed (its error is <see cref="LastError"/>).</summary>
    public bool Failing => ConsecutiveFailures > 0;
}
