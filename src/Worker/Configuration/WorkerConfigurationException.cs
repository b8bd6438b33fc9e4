namespace MailTicketing.Worker.Configuration;

/// <summary>The configuration cannot be used (an invalid setting, an invalid rules file); the message lists every problem.</summary>
public sealed class WorkerConfigurationException : Exception
{
    public WorkerConfigurationException()
    {
    }

    public WorkerConfigurationException(string message)
        : base(message)
    {
    }

    public WorkerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
