using System.Diagnostics;
using System.Globalization;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Crash.Tests.Harness;

/// <summary>
/// One life of the worker: `dotnet mailticketing.dll run --config FILE`, its stdout and stderr
/// appended to one log shared by every life of the run. Ended by SIGKILL (the crash) or
/// SIGTERM (the clean stop at the end).
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
        StartedAt = Stopwatch.StartNew();
    }

    public Stopwatch StartedAt { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when this life has the mailbox's lease and is connected to the folder: from then on it reads, commits and sends.</summary>
    public Task Connected => _connected.Task;

    public int Id => _process.Id;

    public static WorkerProcess Start(string workingDirectory, string config, StreamWriter log, IReadOnlyDictionary<string, string> environment, int life)
    {
        var start = WorkerCommandLine.StartInfo(workingDirectory, ["run", "--config", config], environment);
        Write(log, $"=== life {life.ToString(CultureInfo.InvariantCulture)} started {DateTimeOffset.UtcNow:O}");
        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(process, log);
        process.OutputDataReceived += (_, e) => worker.Received(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Received(e.Data);
        process.Start();
        worker.StartedAt.Restart();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL: no handler runs, nothing is flushed or released. Returns the moment, for the SMTP-window attribution.</summary>
    public async Task<DateTimeOffset> KillAsync()
    {
        var at = DateTimeOffset.UtcNow;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
        Write(_log, $"=== SIGKILL at {at:O} after {StartedAt.Elapsed.TotalSeconds:F2} s");
        return at;
    }

    /// <summary>SIGTERM, the way systemd or Ctrl+C stops the worker; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return -1;
        }

        Write(_log, $"=== stopped by SIGTERM, exit code {_process.ExitCode.ToString(CultureInfo.InvariantCulture)}");
        return _process.ExitCode;
    }

    public void Dispose()
    {
        // Never leave a worker behind, whatever failed.
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Received(string? line)
    {
        Write(_log, line);
        if (line is not null && line.Contains(": connected to imap:", StringComparison.Ordinal))
        {
            _connected.TrySetResult();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
