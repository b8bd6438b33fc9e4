using MailTicketing.Worker.Composition;
using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace MailTicketing.Worker.Cli;

/// <summary>What every command needs: configuration, logging to stderr, the console, and a way to build the services.</summary>
internal sealed class CommandContext(WorkerOptions options, IAnsiConsole console, TextWriter error, ILoggerFactory loggerFactory, TimeProvider clock)
{
    public WorkerOptions Options { get; } = options;
    public IAnsiConsole Console { get; } = console;
    public TextWriter Error { get; } = error;
    public ILoggerFactory LoggerFactory { get; } = loggerFactory;
    public TimeProvider Clock { get; } = clock;

    public static CommandContext FromEnvironment(string? configFile, bool verbose)
    {
        var configuration = WorkerConfiguration.Load(configFile);
        var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder =>
        {
            builder.AddConfiguration(configuration.GetSection("Logging"));
            // Logs go to stderr so that stdout carries only what the command prints (tables, JSON).
            builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            if (verbose)
            {
                builder.SetMinimumLevel(LogLevel.Information);
            }
        });
        return new CommandContext(WorkerConfiguration.Bind(configuration), AnsiConsole.Console, System.Console.Error, loggerFactory, TimeProvider.System);
    }

    public Task<WorkerServices> CreateServicesAsync(CancellationToken cancellationToken) =>
        WorkerServices.CreateAsync(Options, LoggerFactory, Clock, cancellationToken);
}
