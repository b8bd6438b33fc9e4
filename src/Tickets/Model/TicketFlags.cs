namespace MailTicketing.Tickets.Model;

/// <summary>Things staff must notice about a ticket. Stored as names, so adding one needs no migration.</summary>
[Flags]
public enum TicketFlags
{
    None = 0,
    /// <summary>Passwords, private keys, seed phrases or API secrets were found and redacted.</summary>
    SecretsRedacted = 1,
    /// <summary>SPF, DKIM or DMARC failed for a message of this ticket.</summary>
    AuthenticationFailed = 2,
    /// <summary>Someone who is not the customer or a participant quoted this ticket's tag (phishing, social engineering).</summary>
    StrangerQuotedTicketTag = 4,
    /// <summary>A message referenced one of our Message-IDs with a token that does not verify.</summary>
    ForgedReference = 8,
    /// <summary>Opened by a reply to a closed ticket; linked to it.</summary>
    ReopenedFromClosed = 16,
    /// <summary>Mail to the customer bounced permanently; no more mail goes to the address.</summary>
    CustomerAddressBounced = 32,
}
