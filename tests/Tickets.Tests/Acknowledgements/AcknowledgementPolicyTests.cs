using System.Reflection;
using System.Text;
using MailTicketing.Mime;
using MailTicketing.Tickets.Acknowledgements;
using MailTicketing.Tickets.Configuration;
using MailTicketing.Tickets.Ports;

namespace MailTicketing.Tickets.Tests.Acknowledgements;

public sealed class AcknowledgementPolicyTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 18, 9, 0, 0, TimeSpan.Zero);

    private static readonly TicketingOptions Options = new()
    {
        Mailboxes = [new MailboxDefinition("support", "support@exchange.example", "SUP", TimeSpan.FromHours(24), "Support")],
    };

    private static MimeMessage Mail(string from) =>
        MimeMessage.Parse(Encoding.UTF8.GetBytes($"From: {from}\r\nTo: support@exchange.example\r\nSubject: help\r\n\r\nhello\r\n"));

    // Found by the fuzzer (tests/Fuzz.Tests): the reader takes such senders (tolerant), the
    // writer refuses them (strict), and the acknowledgement's exception rolled the ingestion back.
    [Theory]
    [InlineData("jdöe@example.com")]
    [InlineData("a@b.=?utf-8?b?oxzw7s7x?=example")]
    public async Task A_sender_whose_address_cannot_be_written_gets_no_acknowledgement_and_the_reason_says_so(string sender)
    {
        using var message = Mail("someone@example.com");

        var whyNot = await new AcknowledgementPolicy(Options).WhyNotAsync(UnusedSession.Create(), message, sender, suppressedByRouting: false, Now);

        Assert.NotNull(whyNot);
        Assert.Contains("cannot be written", whyNot);
        Assert.Contains(sender, whyNot);
    }

    [Fact]
    public async Task A_writable_sender_is_not_refused_for_its_address()
    {
        using var message = Mail("alice@customer.example");

        var whyNot = await new AcknowledgementPolicy(Options).WhyNotAsync(CountingSession.Create(recent: 0), message, "alice@customer.example", suppressedByRouting: false, Now);

        Assert.Null(whyNot);
    }

    /// <summary>A session the policy must not need: it decides on the address alone.</summary>
    public class UnusedSession : DispatchProxy
    {
        public static ITicketSession Create() => Create<ITicketSession, UnusedSession>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException($"the policy asked the store ({targetMethod?.Name}) about an address it cannot write to");
    }

    /// <summary>Answers the two questions the policy asks a session: not suppressed, and this many recent acknowledgements.</summary>
    public class CountingSession : DispatchProxy
    {
        private int _recent;

        public static ITicketSession Create(int recent)
        {
            var session = Create<ITicketSession, CountingSession>();
            ((CountingSession)(object)session)._recent = recent;
            return session;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(ITicketSession.IsSuppressedAsync) => Task.FromResult(false),
            nameof(ITicketSession.CountOutboxSinceAsync) => Task.FromResult(_recent),
            _ => throw new InvalidOperationException($"unexpected {targetMethod?.Name}"),
        };
    }
}
