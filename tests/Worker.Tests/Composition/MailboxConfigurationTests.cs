using MailTicketing.Worker.Configuration;

namespace MailTicketing.Worker.Tests.Composition;

/// <summary>The sample mailboxes are a default, not a base a configured list is merged into.</summary>
public sealed class MailboxConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mt-config-").FullName;

    [Fact]
    public void A_configured_list_of_one_mailbox_is_the_whole_list()
    {
        var file = Path.Combine(_folder, "worker.json");
        File.WriteAllText(file, """
            { "MailTicketing": { "Mailboxes": [ { "Name": "help", "Address": "help@example.org", "TicketPrefix": "HLP", "Maildir": "maildir/help" } ] } }
            """);

        var options = WorkerConfiguration.Bind(WorkerConfiguration.Load(file));

        var mailbox = Assert.Single(options.Mailboxes);
        Assert.Equal(("help", "maildir/help"), (mailbox.Name, mailbox.Maildir));
    }

    [Fact]
    public void Without_configured_mailboxes_the_three_samples_are_used()
    {
        var options = WorkerConfiguration.Bind(WorkerConfiguration.Load());

        Assert.Equal(["support", "security", "compliance"], options.Mailboxes.Select(m => m.Name));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
