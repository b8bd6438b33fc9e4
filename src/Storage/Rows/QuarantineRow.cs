using MailTicketing.Storage.Repositories;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Rows;

internal sealed class QuarantineRow
{
    public long Id { get; init; }
    public string Mailbox { get; init; } = "";
    public string Source { get; init; } = "";
    public string SourceKey { get; init; } = "";
    public string RawSha256 { get; init; } = "";
    public long Size { get; init; }
    public string Reason { get; init; } = "";
    public string Detail { get; init; } = "";
    public long ReceivedAt { get; init; }
    public long QuarantinedAt { get; init; }
    public long? ReplayedAt { get; init; }

    public QuarantineEntry ToEntry() => new(
        Id,
        Mailbox,
        Source,
        SourceKey,
        RawSha256,
        Size,
        Reason,
        Detail,
        UnixTime.FromMs(ReceivedAt),
        UnixTime.FromMs(QuarantinedAt),
        UnixTime.FromMs(ReplayedAt));
}
