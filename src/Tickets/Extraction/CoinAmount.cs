namespace MailTicketing.Tickets.Extraction;

/// <summary>An amount of a coin: "1,250 USDT", "0.5 BTC", "100U" (USDT), "2个比特币" (BTC).</summary>
/// <param name="Value">The amount, parsed with '.' as the decimal point and ',' as the thousands separator.</param>
/// <param name="Asset">The upper-case ticker (USDT, BTC, ETH, TRX, SOL, USDC, BNB …).</param>
public sealed record CoinAmount(decimal Value, string Asset);
