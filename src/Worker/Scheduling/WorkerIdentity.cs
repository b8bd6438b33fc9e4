using System.Diagnostics;
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

    /// <summary>
    /// True when <paramref name="owner"/> names another process of this machine that no longer
    /// runs: a worker killed before it could release its leases. A pid now used by some other
    /// process counts as alive (its leases then run out as usual), and so does any owner of
    /// another host: only the machine's own process table is evidence. Workers sharing a
    /// database must therefore not share a host name across PID namespaces (containers keep
    /// distinct host names by default).
    /// </summary>
    public static bool IsDeadOnThisMachine(string owner)
    {
        var parts = owner.Split(':');
        if (parts.Length != 3 || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            // No process has this id.
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    public static WorkerIdentity Create() => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}"));
}
