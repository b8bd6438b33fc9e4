using Microsoft.Extensions.Configuration;

namespace MailTicketing.Worker.Configuration;

/// <summary>Reads appsettings.json (beside the program, then in the working directory) and environment variables.</summary>
public static class WorkerConfiguration
{
    public static IConfiguration Load(string? configFile = null)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        if (configFile is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }

    public static WorkerOptions Bind(IConfiguration configuration)
    {
        var options = new WorkerOptions();
        configuration.GetSection(WorkerOptions.Section).Bind(options);
        if (options.Mailboxes.Count == 0)
        {
            options.Mailboxes = WorkerOptions.DefaultMailboxes();
        }

        return options;
    }
}
