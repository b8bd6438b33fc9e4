namespace MailTicketing.Rules.Conditions;

/// <summary>
/// The chains extraction can tell apart, and the names people use for them. A token standard
/// names its chain family: ERC20 and BEP20 hashes look alike (0x + 64 hex), so both are evm.
/// </summary>
internal static class ChainNames
{
    public static readonly string[] Known = ["evm", "tron", "bitcoin", "solana", "hex64"];

    /// <summary>The chain a name stands for, or null when it is not one we know.</summary>
    public static string? Canonical(string name) => name.ToLowerInvariant() switch
    {
        "evm" or "erc20" or "bep20" or "eth" or "ethereum" or "bsc" or "polygon" or "arbitrum" => "evm",
        "tron" or "trc20" or "trx" => "tron",
        "bitcoin" or "btc" => "bitcoin",
        "solana" or "sol" or "spl" => "solana",
        "hex64" => "hex64",
        _ => null,
    };
}
