namespace MailTicketing.Tickets.Model;

/// <summary>An identifier found in a message: a UID, a TxID (with the chain it looks like), an order number.</summary>
public sealed record Identifier(IdentifierKind Kind, string Value, string? Chain = null);
