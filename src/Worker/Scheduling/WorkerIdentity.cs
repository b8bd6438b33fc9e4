using System.Globalization;
using System.Security.Cryptography;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// Who this worker process is, as lease holder, in job runs, on outbox leases and schedule claims: host name, process id and a
/// random part (a restarted process that got the same pid is still someone else).
/// </summary>
public sealed record WorkerIdentity(string Owner)
{
    /// <summary>This process: one identity for its leases, job runs, outbox leases and claims.</summary>
    public static WorkerIdentity Current { get; } = Create();

    public static WorkerIdentity Create() => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}"));
}
