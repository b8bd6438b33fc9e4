using MailTicketing.Smtp;
using MailTicketing.Worker.Configuration;
using MailTicketing.Worker.Outbox;
using MailTicketing.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace MailTicketing.Worker.Tests.Outbox;

public sealed class SmtpOptionsTests
{
    private static IReadOnlyList<string> Errors(SmtpOptions smtp) =>
        WorkerOptionsValidator.Validate(new WorkerOptions { Mailboxes = WorkerOptions.DefaultMailboxes(), Smtp = smtp });

    [Fact]
    public void A_complete_section_is_valid()
    {
        Assert.Empty(Errors(new SmtpOptions { Host = "smtp.example.com", User = "support@example.com", PasswordVariable = "PATH" }));
    }

    [Fact]
    public void Each_problem_is_reported_naming_its_setting()
    {
        var errors = Errors(new SmtpOptions
        {
            Host = "",
            Port = 70000,
            User = "support@example.com",
            PasswordVariable = "MT_TEST_NO_SUCH_VARIABLE_4711",
            PinnedCertificates = ["abc"],
            CaFile = "/nonexistent/ca.pem",
            MaxAttempts = 0,
            RetryInitialDelay = TimeSpan.FromMinutes(10),
            RetryMaxDelay = TimeSpan.FromMinutes(1),
        });

        Assert.Contains(errors, e => e.StartsWith("MailTicketing:Smtp:Host is empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MailTicketing:Smtp:Port must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'MT_TEST_NO_SUCH_VARIABLE_4711', which is not set", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MailTicketing:Smtp:PinnedCertificates has 'abc'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MailTicketing:Smtp:CaFile '/nonexistent/ca.pem'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MailTicketing:Smtp:MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MailTicketing:Smtp:RetryMaxDelay", StringComparison.Ordinal));
    }

    [Fact]
    public void A_user_without_tls_or_without_exactly_one_secret_variable_is_refused()
    {
        Assert.Contains(Errors(new SmtpOptions { Host = "h", Security = SmtpSecurity.None, User = "u", PasswordVariable = "PATH" }), e => e.Contains("unencrypted", StringComparison.Ordinal));
        Assert.Contains(Errors(new SmtpOptions { Host = "h", User = "u" }), e => e.Contains("exactly one of", StringComparison.Ordinal));
        Assert.Contains(Errors(new SmtpOptions { Host = "h", User = "u", PasswordVariable = "PATH", AccessTokenVariable = "HOME" }), e => e.Contains("exactly one of", StringComparison.Ordinal));
        Assert.Contains(Errors(new SmtpOptions { Host = "h", PasswordVariable = "PATH" }), e => e.Contains("User is empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_smtp_section_the_pickup_folder_is_used_and_with_one_smtp()
    {
        await using var h = await TicketingHarness.StartAsync();
        Assert.IsType<PickupFolderSender>(h.Services.Sender);

        await h.RestartAsync(options => options.Smtp = new SmtpOptions { Host = "smtp.example.com", Port = 2525 });
        Assert.IsType<SmtpOutboxSender>(h.Services.Sender);
        Assert.Equal("smtp://smtp.example.com:2525", h.Services.Sender.Destination);
    }

    [Fact]
    public void The_smtp_section_binds_from_configuration_and_environment_style_keys()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MailTicketing:Smtp:Host"] = "smtp.office365.com",
                ["MailTicketing:Smtp:Security"] = "StartTls",
                ["MailTicketing:Smtp:User"] = "support@example.com",
                ["MailTicketing:Smtp:AccessTokenVariable"] = "SMTP_TOKEN",
                ["MailTicketing:Smtp:PinnedCertificates:0"] = "ab",
                ["MailTicketing:Smtp:RetryInitialDelay"] = "00:02:00",
            })
            .Build();

        var smtp = WorkerConfiguration.Bind(configuration).Smtp!;

        Assert.Equal("smtp.office365.com", smtp.Host);
        Assert.Equal(587, smtp.EffectivePort);
        Assert.Equal("SMTP_TOKEN", smtp.AccessTokenVariable);
        Assert.Equal(["ab"], smtp.PinnedCertificates);
        Assert.Equal(TimeSpan.FromMinutes(2), smtp.RetryInitialDelay);
    }
}
