namespace MailTicketing.Tickets.Extraction;

// First-seen order, no duplicates. Hex values arrive lower-cased; order ids compare without
// case because customers retype them ("wd2024…" for "WD2024…").
internal sealed class FactCollector
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenOrders = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<CoinAmount> _seenAmounts = [];

    public List<string> Uids { get; } = [];

    public List<TransactionId> Transactions { get; } = [];

    public List<string> Orders { get; } = [];

    public List<CoinAmount> Amounts { get; } = [];

    public List<WalletAddress> Addresses { get; } = [];

    public void AddUid(string value)
    {
        if (_seen.Add("uid:" + value))
        {
            Uids.Add(value);
        }
    }

    public void AddTransaction(string value, ChainGuess chain)
    {
        if (_seen.Add("tx:" + value))
        {
            Transactions.Add(new TransactionId(value, chain));
        }
    }

    public void AddOrder(string value)
    {
        if (_seenOrders.Add(value))
        {
            Orders.Add(value);
        }
    }

    public void AddAmount(CoinAmount amount)
    {
        if (_seenAmounts.Add(amount))
        {
            Amounts.Add(amount);
        }
    }

    public void AddAddress(string value, ChainGuess chain)
    {
        if (_seen.Add("address:" + value))
        {
            Addresses.Add(new WalletAddress(value, chain));
        }
    }
}
