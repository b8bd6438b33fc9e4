namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// A transaction hash found in the text. Hex hashes are lower-cased so the same hash written
/// twice compares equal; base58 (Solana) signatures are case-sensitive and kept as written.
/// </summary>
public sealed record TransactionId(string Value, ChainGuess Chain);
