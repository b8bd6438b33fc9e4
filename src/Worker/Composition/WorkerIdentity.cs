using System.Security.Cryptography;

namespace MailTicketing.Worker.Composition;

/// <summary>
/// This process among the workers sharing a database: host, process id and a random part (a
/// restarted process may get the same pid). Recorded on leases and claims so an operator sees
/// who holds or did what.
/// </summary>
public static class WorkerIdentity
{
    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
