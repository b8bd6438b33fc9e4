using System.Diagnostics;
using System.Globalization;
using MailTicketing.Worker.Tests.Support;

namespace MailTicketing.Faults.Tests.Support;

/// <summary>
/// The worker as an operator runs it: `dotnet mailticketing.dll ARGS --config FILE` in a child
/// process, its stdout and stderr (the log) captured, its peak resident memory (VmHWM, the
/// kernel's high-water mark of RSS) sampled from /proc while it runs.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly Task _sampler;
    private readonly CancellationTokenSource _stop = new();
    private long _peakRss;

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _sampler = Task.Run(SampleAsync);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The highest resident set size seen (VmHWM), in bytes.</summary>
    public long PeakRss => Interlocked.Read(ref _peakRss);

    public string Output
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Log
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static WorkerProcess Start(WorkerSetup setup, params string[] arguments)
    {
        var start = WorkerCommandLine.StartInfo(setup.Root, [.. arguments, "--config", setup.WriteConfig()], setup.Environment);
        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the process to end by itself; fails the test with its log after <paramref name="limit"/>.</summary>
    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the worker did not finish within {limit}; log:\n{Tail(Log, 40)}");
        }

        _process.WaitForExit(); // drains the redirected output
        await _stop.CancelAsync();
        await _sampler;
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as systemd or Ctrl+C stops it, then waits for a clean stop.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        return await WaitAsync(TimeSpan.FromSeconds(40));
    }

    public static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        await _stop.CancelAsync();
        await _sampler;
        _process.Dispose();
        _stop.Dispose();
    }

    private static void Append(StringWriter writer, string? line)
    {
        if (line is not null)
        {
            lock (writer)
            {
                writer.WriteLine(line);
            }
        }
    }

    // VmHWM only rises, so a sample every 20 ms misses at most the growth of the last 20 ms
    // before the exit, when the worker only disposes what it used.
    private async Task SampleAsync()
    {
        var path = $"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(path))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                        Interlocked.Exchange(ref _peakRss, Math.Max(Interlocked.Read(ref _peakRss), kilobytes * 1024));
                    }
                }
            }
            catch (IOException)
            {
                return; // exited
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }

            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
