using Microsoft.Extensions.Logging;

namespace MailTicketing.Worker.Composition;

/// <summary>Log events of the routing rules file, with stable ids.</summary>
internal static partial class RulesLog
{
    [LoggerMessage(EventId = 1101, EventName = "RulesLoaded", Level = LogLevel.Information, Message = "Routing rules {Path}: {Count} rules in force")]
    public static partial void Loaded(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 1102, EventName = "RulesReloaded", Level = LogLevel.Warning, Message = "Routing rules {Path} changed: {Count} rules now in force")]
    public static partial void Reloaded(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 1103, EventName = "RulesRejected", Level = LogLevel.Error, Message = "Routing rules {Path} changed but cannot be used; the previous rules stay in force:\n{Errors}")]
    public static partial void Rejected(ILogger logger, string path, string errors);

    [LoggerMessage(EventId = 1104, EventName = "RulesWatchFailed", Level = LogLevel.Warning, Message = "Cannot watch {Directory} for changes; the rules file is still checked every {Interval}")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string directory, TimeSpan interval);

    [LoggerMessage(EventId = 1105, EventName = "RulesCheckFailed", Level = LogLevel.Error, Message = "Checking the routing rules {Path} failed; the previous rules stay in force")]
    public static partial void CheckFailed(ILogger logger, Exception exception, string path);
}
