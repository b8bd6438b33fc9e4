namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// A wallet address found in the text. Base58 addresses (Bitcoin 1…/3…, Tron T…) are accepted only
/// with a valid checksum, bech32 ones (bc1…) likewise; Solana addresses only where the text
/// calls them an address. EVM and bech32 addresses are lower-cased, base58 ones kept as written.
/// </summary>
public sealed record WalletAddress(string Value, ChainGuess Chain);
