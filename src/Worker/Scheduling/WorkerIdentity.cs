using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace MailTicketing.Worker.Scheduling;

/// <summary>
/// Who this worker process is, as lease holder, in job runs, on outbox leases and schedule claims:
/// host name, process id, a random part (a restarted process that got the same pid is still
/// someone else) and the PID namespace the pid belongs to ("-" where there are none).
/// </summary>
public sealed record WorkerIdentity(string Owner)
{
    /// <summary>The PID namespace of this process (Linux: the inode of /proc/self/ns/pid), so that containers sharing a host name are told apart.</summary>
    private static readonly string PidNamespace = ReadPidNamespace();

    /// <summary>This process: one identity for its leases, job runs, outbox leases and claims.</summary>
    public static WorkerIdentity Current { get; } = Create();

    /// <summary>
    /// True when <paramref name="owner"/> names another process of this machine's process table
    /// (same host name and PID namespace) that no longer runs: a worker killed before it could
    /// release its leases. A pid now used by some other process counts as alive (its leases then
    /// run out as usual), and so does an owner of another host or namespace, or one written in
    /// another form: only the process table this process sees is evidence.
    /// </summary>
    public static bool IsDeadOnThisMachine(string owner)
    {
        var parts = owner.Split(':');
        if (parts.Length != 4 || parts[0] != Environment.MachineName || parts[3] != PidNamespace
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
        $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}:{PidNamespace}"));

    private static string ReadPidNamespace()
    {
        try
        {
            // "pid:[4026531836]"
            var target = new FileInfo("/proc/self/ns/pid").LinkTarget;
            var digits = target is null ? "" : new string([.. target.Where(char.IsAsciiDigit)]);
            return digits.Length > 0 ? digits : "-";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "-";
        }
    }
}
