namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// Identifiers found in a message's subject and new text, each list in first-seen order without
/// duplicates. Account UIDs and order ids are taken only where the text labels them
/// ("UID: 123456", "订单号：WD2024…"); hashes and checksummed addresses are recognised by shape.
/// </summary>
public sealed record ExtractedFacts(
    IReadOnlyList<string> AccountUids,
    IReadOnlyList<TransactionId> TransactionIds,
    IReadOnlyList<string> OrderIds,
    IReadOnlyList<CoinAmount> Amounts,
    IReadOnlyList<WalletAddress> WalletAddresses,
    TextLanguage Language);
