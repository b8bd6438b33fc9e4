namespace MailTicketing.Tickets.Model;

public enum IdentifierKind
{
    AccountUid,
    TransactionId,
    OrderId,
    WalletAddress,
}
