namespace MailTicketing.Rules;

/// <summary>A transaction hash the customer quoted, with the chain it was recognised on, if any.</summary>
public readonly record struct TransactionFact(string TxId, string? Chain);
