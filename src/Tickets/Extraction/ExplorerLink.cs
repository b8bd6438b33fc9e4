namespace MailTicketing.Tickets.Extraction;

// Customers paste block-explorer links rather than bare hashes. A hash after "/" counts only
// inside such a link ("https://tronscan.org/#/transaction/<hash>", "…/tx/<hash>"); random hex
// in tracking links and image paths does not.
internal readonly record struct ExplorerLink(bool IsExplorer, ChainGuess? Chain, string Segment)
{
    private static readonly (string Host, ChainGuess Chain)[] Hosts =
    [
        ("tronscan", ChainGuess.Tron),
        ("solscan", ChainGuess.Solana),
        ("explorer.solana.com", ChainGuess.Solana),
        ("solana.fm", ChainGuess.Solana),
        ("etherscan", ChainGuess.Evm),
        ("bscscan", ChainGuess.Evm),
        ("polygonscan", ChainGuess.Evm),
        ("arbiscan", ChainGuess.Evm),
        ("basescan", ChainGuess.Evm),
        ("snowtrace", ChainGuess.Evm),
        ("blockscout", ChainGuess.Evm),
        ("mempool.space", ChainGuess.Bitcoin),
        ("blockstream.info", ChainGuess.Bitcoin),
        ("btc.com", ChainGuess.Bitcoin),
    ];

    // Explorers that serve many chains name the chain in the path.
    private static readonly string[] MultiChainHosts = ["blockchair.com", "blockchain.com", "oklink.com", "blockcypher.com", "tokenview"];

    private static readonly HashSet<string> TransactionSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "tx", "txs", "txid", "txn", "transaction", "transactions", "hash",
    };

    private static readonly HashSet<string> AddressSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "addr", "account", "wallet",
    };

    private static readonly HashSet<string> OtherSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "block", "blocks", "address", "addr", "account", "token", "tokens", "contract",
    };

    // On an explorer, a hash names a transaction unless the path says it is a block or the like.
    public bool IsTransactionPath => TransactionSegments.Contains(Segment) || (IsExplorer && !OtherSegments.Contains(Segment));

    public bool IsBlockPath => Segment.Equals("block", StringComparison.OrdinalIgnoreCase) || Segment.Equals("blocks", StringComparison.OrdinalIgnoreCase);

    public bool IsAddressPath => AddressSegments.Contains(Segment);

    // The link around text[start], if the token at start sits in a URL path right after '/'.
    public static bool TryFind(string text, int start, out ExplorerLink link)
    {
        link = default;
        if (Chars.At(text, start - 1) != '/')
        {
            return false;
        }

        int wordStart = start;
        while (wordStart > 0 && IsUrlChar(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, start - wordStart);
        int scheme = word.IndexOf("://", StringComparison.Ordinal);
        int hostStart;
        if (scheme >= 0)
        {
            hostStart = scheme + 3;
        }
        else if (word.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            hostStart = 0;
        }
        else
        {
            return false;
        }

        var rest = word[hostStart..];
        int hostEnd = rest.IndexOfAny('/', '?', '#');
        var host = hostEnd < 0 ? rest : rest[..hostEnd];
        var path = hostEnd < 0 ? [] : rest[hostEnd..];

        // The path segment just before the token: ".../tx/" -> "tx".
        var beforeSlash = word[..^1];
        int segmentStart = beforeSlash.LastIndexOfAny('/', '#') + 1;
        string segment = beforeSlash[segmentStart..].ToString();

        ChainGuess? chain = null;
        bool explorer = false;
        foreach ((string name, ChainGuess guess) in Hosts)
        {
            if (host.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                chain = guess;
                explorer = true;
                break;
            }
        }

        if (!explorer)
        {
            foreach (string name in MultiChainHosts)
            {
                if (host.Contains(name, StringComparison.OrdinalIgnoreCase))
                {
                    explorer = true;
                    chain = ChainFromPath(path);
                    break;
                }
            }
        }

        link = new ExplorerLink(explorer, chain, segment);
        return true;
    }

    private static ChainGuess? ChainFromPath(ReadOnlySpan<char> path)
    {
        foreach (var range in path.SplitAny('/', '#'))
        {
            var part = path[range];
            if (part.Equals("bitcoin", StringComparison.OrdinalIgnoreCase) || part.Equals("btc", StringComparison.OrdinalIgnoreCase))
            {
                return ChainGuess.Bitcoin;
            }

            if (part.Equals("tron", StringComparison.OrdinalIgnoreCase) || part.Equals("trx", StringComparison.OrdinalIgnoreCase))
            {
                return ChainGuess.Tron;
            }

            if (part.Equals("solana", StringComparison.OrdinalIgnoreCase) || part.Equals("sol", StringComparison.OrdinalIgnoreCase))
            {
                return ChainGuess.Solana;
            }
        }

        return null;
    }

    private static bool IsUrlChar(char c) => c is > ' ' and < '\u007F' and not ('<' or '>' or '"' or '\'' or '(' or ')' or '[' or ']' or '{' or '}');
}
