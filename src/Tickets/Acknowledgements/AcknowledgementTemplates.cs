namespace MailTicketing.Tickets.Acknowledgements;

/// <summary>
/// The acknowledgements the composer can write, by the names a rules file uses. A rules file
/// that declares any other template is refused when it is loaded.
/// </summary>
public static class AcknowledgementTemplates
{
    /// <summary>The full acknowledgement: ticket number, response time, what to send next, the standing warnings.</summary>
    public const string Standard = "standard";

    /// <summary>The ticket number and nothing else, as sent to senders we cannot trust.</summary>
    public const string Minimal = "minimal";

    public static IReadOnlyList<string> Names { get; } = [Standard, Minimal];
}
