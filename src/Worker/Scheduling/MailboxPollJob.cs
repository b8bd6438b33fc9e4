using Quartz;

namespace MailTicketing.Worker.Scheduling;

/// <summary>Polls one mailbox (<see cref="MailboxKey"/> in the job data); one job per mailbox, never overlapping itself.</summary>
[DisallowConcurrentExecution]
internal sealed class MailboxPollJob(MailboxPolling polling) : IJob
{
    public const string MailboxKey = "mailbox";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await polling.PollAsync(context.MergedJobDataMap.GetString(MailboxKey) ?? "", cancellationToken);
}
