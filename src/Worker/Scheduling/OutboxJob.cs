using MailTicketing.Worker.Outbox;
using Quartz;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// Delivers the due outbox rows. Safe to repeat: a row leaves the due set when it is marked;
/// a crash between the server's acceptance and the mark sends it once more (at-least-once, same Message-ID).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class OutboxJob(IOutboxSender sender, JobRunRecorder recorder) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await recorder.RunAsync(
            JobSchedules.Outbox,
            async ct => (await sender.DeliverDueAsync(ct), null),
            cancellationToken);
}
