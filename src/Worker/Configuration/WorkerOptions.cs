using MailTicketing.Tickets.FollowUps;
using MailTicketing.Tickets.Sla;

namespace MailTicketing.Worker.Configuration;

/// <summary>
/// The worker's configuration section "MailTicketing" (appsettings.json, then environment
/// variables such as MAILTICKETING__DATADIRECTORY). With nothing configured it runs the
/// embedded default: a SQLite file under data/ and the sample Maildirs shipped in samples/.
/// </summary>
public sealed class WorkerOptions
{
    public const string Section = "MailTicketing";

    /// <summary>Where the database, the signing key and the pickup folder live by default.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Which database: SQLite (the file, by default DataDirectory/mailticketing.db) or PostgreSQL.</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>With no SMTP configured, acknowledgements are written here as .eml files; defaults to DataDirectory/pickup.</summary>
    public string? PickupDirectory { get; set; }

    public string CompanyName { get; set; } = "Example Exchange Support";

    /// <summary>How often `run` polls each mailbox (the default of Schedules:MailboxPoll).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>When each scheduled job runs, by job: MailboxPoll, Outbox, Sla, FollowUps (see Scheduling/JobSchedules).</summary>
    public Dictionary<string, ScheduleOptions> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a worker's claim to poll a mailbox lasts; renewed while it polls, taken over by another worker once expired.</summary>
    public TimeSpan MailboxLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one poll of an IMAP mailbox with IDLE stays connected waiting for new mail before the job ends; zero polls without waiting.</summary>
    public TimeSpan ImapIdleDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>`status` reports the worker unhealthy when an unsent outbox message is older than this.</summary>
    public TimeSpan OutboxMaxAge { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan SameIdentifierWindow { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan NearDuplicateWindow { get; set; } = TimeSpan.FromDays(3);

    public int MaxAcknowledgementsPerSenderPerHour { get; set; } = 3;

    public long MaxMessageBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Our addresses besides the mailboxes: never acknowledged, never customers.</summary>
    public List<string> OwnAddresses { get; set; } = [];

    /// <summary>Domains whose senders are staff: their mail to a ticket's customer is the first response (SLA).</summary>
    public List<string> StaffDomains { get; set; } = [];

    /// <summary>SLA calendars, policies and team addresses; null (not configured) uses <see cref="SlaOptions.Default"/>.</summary>
    public SlaOptions? Sla { get; set; }

    /// <summary>Customer follow-ups and auto-close.</summary>
    public FollowUpOptions FollowUps { get; set; } = new();

    /// <summary>Environment variable holding the Message-ID signing key (base64, 16+ bytes). Without it a key file in DataDirectory is used.</summary>
    public string SigningKeyVariable { get; set; } = "MAILTICKETING_SIGNING_KEY";

    public List<MailboxOptions> Mailboxes { get; set; } = [];

    /// <summary>
    /// The routing rules file (docs/rules.md); empty for one queue per mailbox. A relative path
    /// is looked up in the working directory, then beside the program (where samples/rules.yaml
    /// is copied), as appsettings.json is. The running worker reloads it when it changes.
    /// </summary>
    public string RulesFile { get; set; } = "samples/rules.yaml";

    /// <summary>How often the running worker compares the rules file's hash, in case a change notification was missed.</summary>
    public TimeSpan RulesCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The SMTP server acknowledgements are sent through; null writes them to the pickup folder.</summary>
    public SmtpOptions? Smtp { get; set; }

    public string DatabasePath => Database.Path ?? Path.Combine(DataDirectory, "mailticketing.db");

    public string PickupPath => PickupDirectory ?? Path.Combine(DataDirectory, "pickup");

    /// <summary>The rules file to read, or null when none is configured.</summary>
    public string? RulesPath
    {
        get
        {
            if (string.IsNullOrWhiteSpace(RulesFile))
            {
                return null;
            }

            var inWorkingDirectory = Path.GetFullPath(RulesFile);
            if (Path.IsPathRooted(RulesFile) || File.Exists(inWorkingDirectory))
            {
                return inWorkingDirectory;
            }

            var besideProgram = Path.Combine(AppContext.BaseDirectory, RulesFile);
            return File.Exists(besideProgram) ? besideProgram : inWorkingDirectory;
        }
    }

    /// <summary>The three mailboxes of the embedded default, reading the sample Maildirs.</summary>
    public static List<MailboxOptions> DefaultMailboxes() =>
    [
        new() { Name = "support", Address = "support@exchange.example", TicketPrefix = "SUP", DisplayName = "Example Exchange Support", ResponseTime = TimeSpan.FromHours(24), Maildir = "samples/maildir/support" },
        new() { Name = "security", Address = "security@exchange.example", TicketPrefix = "SEC", DisplayName = "Example Exchange Security", ResponseTime = TimeSpan.FromHours(4), Maildir = "samples/maildir/security" },
        new() { Name = "compliance", Address = "compliance@exchange.example", TicketPrefix = "CMP", DisplayName = "Example Exchange Compliance", ResponseTime = TimeSpan.FromHours(72), Maildir = "samples/maildir/compliance" },
    ];
}
