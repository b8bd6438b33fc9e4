namespace MailTicketing.Tickets.Extraction;

// What a label word in the text announces. Account is the weak form of Uid ("账号", "account"):
// the number after it may be a phone number or a bank card, so it is held to stricter shapes.
internal enum LabelKind
{
    Uid,
    Account,
    Order,
    Transaction,
    Address,
    PrivateKey,
    Password,
    ApiSecret,
    TwoFactorSecret,

    // "sha256:", "OriginalChecksum:": the hex after it is a file or header digest, not a transaction.
    Digest,
}
