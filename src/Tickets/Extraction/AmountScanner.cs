using System.Globalization;

namespace MailTicketing.Tickets.Extraction;

// Amounts are a number followed by a coin: "1,250 USDT", "0.5btc", "100U", "2个比特币".
// Tickers are matched in upper case, plus the lower-case forms customers actually type for the
// big coins; "5 ton" or "Ada" in lower or mixed case stay words.
internal static class AmountScanner
{
    private static readonly (string Text, string Asset)[] Assets =
    [
        ("FDUSD", "FDUSD"), ("USDT", "USDT"), ("USDC", "USDC"), ("DOGE", "DOGE"),
        ("BTC", "BTC"), ("ETH", "ETH"), ("BNB", "BNB"), ("TRX", "TRX"), ("SOL", "SOL"),
        ("XRP", "XRP"), ("LTC", "LTC"), ("ADA", "ADA"), ("TON", "TON"), ("DAI", "DAI"),
        ("usdt", "USDT"), ("usdc", "USDC"), ("btc", "BTC"), ("eth", "ETH"), ("bnb", "BNB"),
        ("trx", "TRX"), ("sol", "SOL"), ("Usdt", "USDT"), ("Btc", "BTC"), ("Eth", "ETH"),
        ("比特币", "BTC"), ("以太坊", "ETH"), ("以太币", "ETH"), ("泰达币", "USDT"),
        ("波场币", "TRX"), ("波场", "TRX"), ("币安币", "BNB"), ("狗狗币", "DOGE"),
        ("莱特币", "LTC"), ("瑞波币", "XRP"),
    ];

    public static void Scan(string text, Action<CoinAmount> found)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || !CanStartNumber(text, i))
            {
                i++;
                continue;
            }

            int end = ReadNumber(text, i);
            if (TryReadAsset(text, end, out string asset, out int assetEnd)
                && decimal.TryParse(text.AsSpan(i, end - i), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
                    CultureInfo.InvariantCulture, out decimal value))
            {
                found(new CoinAmount(value, asset));
                i = assetEnd;
            }
            else
            {
                i = end;
            }
        }
    }

    // True when a coin ticker or name follows position (after at most two spaces or "个"/"枚"):
    // the number before it is an amount, not a UID or an order id.
    public static bool IsAssetAt(string text, int position) => TryReadAsset(text, position, out _, out _);

    private static bool CanStartNumber(string text, int i)
    {
        char before = Chars.At(text, i - 1);
        return !char.IsAsciiLetterOrDigit(before) && before is not ('.' or '_' or '/' or ':' or '-' or ',' or '#');
    }

    // Digits with optional thousands groups ("1,250,000") and an optional fraction ("0.5").
    private static int ReadNumber(string text, int start)
    {
        int i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i - start <= 3)
        {
            while (Chars.At(text, i) == ',' && IsGroupOfThree(text, i + 1))
            {
                i += 4;
            }
        }

        if (Chars.At(text, i) == '.' && char.IsAsciiDigit(Chars.At(text, i + 1)))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static bool IsGroupOfThree(string text, int i) =>
        char.IsAsciiDigit(Chars.At(text, i)) && char.IsAsciiDigit(Chars.At(text, i + 1))
        && char.IsAsciiDigit(Chars.At(text, i + 2)) && !char.IsAsciiDigit(Chars.At(text, i + 3));

    private static bool TryReadAsset(string text, int position, out string asset, out int end)
    {
        asset = "";
        end = position;
        char after = Chars.At(text, position);
        if (char.IsAsciiDigit(after) || after is '.' or ',' or ':' or '-' or '/')
        {
            return false;
        }

        // "100U" / "100u" is how Chinese customers write USDT; only glued to the number.
        if (after is 'U' or 'u' && IsWordEnd(text, position + 1))
        {
            asset = "USDT";
            end = position + 1;
            return true;
        }

        int i = position;
        int spaces = 0;
        while (Chars.At(text, i) == ' ' && spaces < 2)
        {
            i++;
            spaces++;
        }

        if (Chars.At(text, i) is '个' or '枚')
        {
            i++;
        }

        foreach ((string candidate, string ticker) in Assets)
        {
            if (text.AsSpan(i).StartsWith(candidate, StringComparison.Ordinal)
                && (Chars.IsHan(candidate[0]) || IsWordEnd(text, i + candidate.Length)))
            {
                asset = ticker;
                end = i + candidate.Length;
                return true;
            }
        }

        return false;
    }

    private static bool IsWordEnd(string text, int i)
    {
        char c = Chars.At(text, i);
        return !char.IsAsciiLetterOrDigit(c) && !(c == '.' && char.IsAsciiLetter(Chars.At(text, i + 1)));
    }
}
