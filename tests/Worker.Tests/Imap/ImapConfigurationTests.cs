using MailTicketing.Imap;
using MailTicketing.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace MailTicketing.Worker.Tests.Imap;

public sealed class ImapConfigurationTests
{
    [Fact]
    public void An_imap_section_binds_from_settings_and_names_only_the_variable_holding_the_password()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["MailTicketing:Mailboxes:0:Imap:Host"] = "imap.example.com",
            ["MailTicketing:Mailboxes:0:Imap:Security"] = "StartTls",
            ["MailTicketing:Mailboxes:0:Imap:User"] = "support@exchange.example",
            ["MailTicketing:Mailboxes:0:Imap:PasswordVariable"] = "PATH",
            ["MailTicketing:Mailboxes:0:Imap:Folder"] = "Support/Incoming",
            ["MailTicketing:Mailboxes:0:Imap:Processed"] = "Move",
            ["MailTicketing:Mailboxes:0:Imap:ProcessedFolder"] = "Support/Done",
        });

        var imap = options.Mailboxes[0].Imap!;
        Assert.Equal((ImapSecurity.StartTls, 143, "Support/Incoming", ImapProcessedAction.Move), (imap.Security, imap.EffectivePort, imap.Folder, imap.Processed));
        Assert.Empty(WorkerOptionsValidator.Validate(options));
    }

    [Fact]
    public void Validation_names_each_imap_mistake_with_its_setting()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["MailTicketing:Mailboxes:0:Maildir"] = "samples/maildir/support",
            ["MailTicketing:Mailboxes:0:Imap:Host"] = "imap.example.com",
            ["MailTicketing:Mailboxes:0:Imap:Security"] = "None",
            ["MailTicketing:Mailboxes:0:Imap:User"] = "",
            ["MailTicketing:Mailboxes:0:Imap:PasswordVariable"] = "MT_SURELY_NOT_SET_VARIABLE",
            ["MailTicketing:Mailboxes:0:Imap:Processed"] = "Move",
        });

        var errors = WorkerOptionsValidator.Validate(options);

        Assert.Contains(errors, e => e.Contains("Mailboxes:0 has both Maildir and Imap", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Imap:Security None", StringComparison.Ordinal) && e.Contains("imap.example.com", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Imap:User is empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'MT_SURELY_NOT_SET_VARIABLE', which is not set", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Processed is Move but ProcessedFolder is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_password_variable_and_a_token_variable_together_are_refused()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["MailTicketing:Mailboxes:0:Imap:Host"] = "outlook.office365.com",
            ["MailTicketing:Mailboxes:0:Imap:User"] = "support@exchange.example",
            ["MailTicketing:Mailboxes:0:Imap:PasswordVariable"] = "PATH",
            ["MailTicketing:Mailboxes:0:Imap:AccessTokenVariable"] = "PATH",
            ["MailTicketing:Mailboxes:0:Imap:ProcessedFlag"] = "bad flag)",
        });

        var errors = WorkerOptionsValidator.Validate(options);

        Assert.Contains(errors, e => e.Contains("exactly one of PasswordVariable or AccessTokenVariable", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ProcessedFlag must be", StringComparison.Ordinal));
    }

    private static WorkerOptions Bind(Dictionary<string, string?> settings)
    {
        settings["MailTicketing:Mailboxes:0:Name"] = "support";
        settings["MailTicketing:Mailboxes:0:Address"] = "support@exchange.example";
        settings["MailTicketing:Mailboxes:0:TicketPrefix"] = "SUP";
        return WorkerConfiguration.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }
}
