using System.Security.Cryptography;
using System.Text;
using MailTicketing.Rules;
using MailTicketing.Tickets.Acknowledgements;
using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Composition;

/// <summary>
/// Holds the rules in force and replaces them when the file changes. A change is noticed by a
/// file-system watcher (debounced: editors write a file in several steps) and, because watchers
/// miss events on some file systems (network shares, bind mounts), by comparing the file's
/// SHA-256 on a timer too. A file that does not load is logged with every error and the rules
/// in force stay; it is not reported again until it changes.
/// </summary>
public sealed class RulesReloader : IDisposable
{
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private RuleSet _current;
    private string _seen;
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private ITimer? _poll;
    private TimeSpan _debounceDelay;

    private RulesReloader(string path, RuleSet rules, string seen, ILogger logger, TimeProvider clock)
    {
        Path = path;
        _current = rules;
        _seen = seen;
        _logger = logger;
        _clock = clock;
    }

    /// <summary>How the worker reads a rules file: templates must be ones the acknowledgement composer has.</summary>
    public static RuleSetOptions LoadOptions { get; } = new() { KnownTemplates = AcknowledgementTemplates.Names };

    public string Path { get; }

    /// <summary>The rules in force; a new set replaces it whole, so a message is routed by one version only.</summary>
    public RuleSet Current => Volatile.Read(ref _current);

    /// <summary>Errors of the last file that was rejected while running; empty when the last change applied.</summary>
    public IReadOnlyList<RuleError> LastRejection { get; private set; } = [];

    public static RuleLoadResult Load(string path) => RuleSet.Load(path, LoadOptions);

    /// <summary>Loads the file; null, with the errors, when it cannot be used (the worker then does not start).</summary>
    public static RulesReloader? Create(string path, ILogger logger, TimeProvider clock, out IReadOnlyList<RuleError> errors)
    {
        var (key, result) = Read(path, seen: null);
        errors = result!.Errors;
        if (!result.TryGetRuleSet(out var rules))
        {
            return null;
        }

        RulesLog.Loaded(logger, path, rules.RuleNames.Count);
        return new RulesReloader(path, rules, key, logger, clock);
    }

    /// <summary>Looks at the file now; applies it when it changed and is valid.</summary>
    public RulesCheck CheckNow()
    {
        lock (_lock)
        {
            var (key, result) = Read(Path, _seen);
            if (result is null || key == _seen)
            {
                return RulesCheck.Unchanged;
            }

            _seen = key;
            if (result.TryGetRuleSet(out var rules))
            {
                Volatile.Write(ref _current, rules);
                LastRejection = [];
                RulesLog.Reloaded(_logger, Path, rules.RuleNames.Count);
                return RulesCheck.Applied;
            }

            LastRejection = result.Errors;
            RulesLog.Rejected(_logger, Path, string.Join("\n", result.Errors));
            return RulesCheck.Rejected;
        }
    }

    /// <summary>Starts watching the file and checking its hash every <paramref name="checkInterval"/>.</summary>
    public void StartWatching(TimeSpan checkInterval, TimeSpan? debounce = null)
    {
        lock (_lock)
        {
            if (_poll is not null)
            {
                return;
            }

            _debounceDelay = debounce ?? TimeSpan.FromMilliseconds(300);
            _debounce = _clock.CreateTimer(_ => SafeCheck(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _poll = _clock.CreateTimer(_ => SafeCheck(), null, checkInterval, checkInterval);
            var directory = System.IO.Path.GetDirectoryName(Path)!;
            try
            {
                // The folder is watched, not the file: editors save by writing a new file and renaming it over the old.
                _watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(Path))
                {
                    NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
                };
                _watcher.Changed += (_, _) => Touched();
                _watcher.Created += (_, _) => Touched();
                _watcher.Renamed += (_, _) => Touched();
                _watcher.Deleted += (_, _) => Touched();
                _watcher.Error += (_, _) => Touched();
                _watcher.EnableRaisingEvents = true;
            }
            catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
            {
                _watcher?.Dispose();
                _watcher = null;
                RulesLog.WatchFailed(_logger, e, directory, checkInterval);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _watcher?.Dispose();
            _debounce?.Dispose();
            _poll?.Dispose();
        }
    }

    private static (string Key, RuleLoadResult? Result) Read(string path, string? seen)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > LoadOptions.MaxFileBytes)
            {
                // Load refuses it by its length without reading it.
                return ($"too large: {length}", RuleSet.Load(path, LoadOptions));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ($"unreadable: {e.GetType().Name}", RuleSet.Load(path, LoadOptions));
        }

        var key = Convert.ToHexString(SHA256.HashData(bytes));
        if (key == seen)
        {
            return (key, null);
        }

        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (key, RuleSet.Parse(reader.ReadToEnd(), path, LoadOptions));
    }

    private void Touched()
    {
        // Every event restarts the wait, so a burst of writes is read once, after it ends.
        try
        {
            _debounce?.Change(_debounceDelay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Stopped while an event was in flight.
        }
    }

    private void SafeCheck()
    {
        try
        {
            CheckNow();
        }
        catch (Exception e)
        {
            // A timer callback that throws would end the process; the rules in force stay.
            RulesLog.CheckFailed(_logger, e, Path);
        }
    }
}
