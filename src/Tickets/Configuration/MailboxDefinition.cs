namespace MailTicketing.Tickets.Configuration;

/// <summary>One support mailbox as ops configure it.</summary>
/// <param name="Name">Short name used in queues and commands: "support", "security", "compliance".</param>
/// <param name="Address">The mailbox's address; acknowledgements are sent from it.</param>
/// <param name="TicketPrefix">Prefix of ticket numbers opened here: "SUP" gives SUP-000123.</param>
/// <param name="ResponseTime">The first-response time promised in acknowledgements.</param>
/// <param name="DisplayName">The From name on acknowledgements.</param>
public sealed record MailboxDefinition(string Name, string Address, string TicketPrefix, TimeSpan ResponseTime, string DisplayName);
