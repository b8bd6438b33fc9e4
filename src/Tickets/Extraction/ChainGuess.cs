namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// The chain an identifier most likely belongs to, judged from its shape and context. A guess:
/// a bare 64-hex transaction hash is used by Bitcoin, Tron, Litecoin, XRP and others alike.
/// </summary>
public enum ChainGuess
{
    /// <summary>Ethereum and EVM chains (BSC, Polygon, Arbitrum …): 0x + 64 hex hashes, 0x + 40 hex addresses.</summary>
    Evm,

    /// <summary>A bare 64-hex transaction hash with nothing pointing to one chain (Bitcoin-style).</summary>
    Hex64,

    /// <summary>Bitcoin: a checksummed 1…/3…/bc1… address, or a hash from a Bitcoin explorer or a text that names only Bitcoin.</summary>
    Bitcoin,

    /// <summary>Tron: a checksummed T… address, or a 64-hex hash from Tronscan or a text that names only Tron/TRC20.</summary>
    Tron,

    /// <summary>Solana: a base58 signature of 64 bytes, or a base58 address of 32 bytes given as an address.</summary>
    Solana,
}
