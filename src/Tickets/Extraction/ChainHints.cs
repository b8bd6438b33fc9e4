using System.Text.RegularExpressions;

namespace MailTicketing.Tickets.Extraction;

// A bare 64-hex hash does not say its chain. When the message names exactly one family of
// chains that use bare hex hashes ("USDT TRC20", "比特币"), the hash is taken to be on it.
internal static class ChainHints
{
    private static readonly Regex HintPattern = ExtractionRegex.Create(
        "(?<Other>bitcoin[ -]?cash|bch|ltc|litecoin|莱特币|doge|dogecoin|狗狗币|xrp|ripple|瑞波)"
        + "|(?<Tron>trc[ -]?20|tron|trx|波场)"
        + "|(?<Bitcoin>btc|bitcoin|比特币|omni)");

    public static ChainGuess ForBareHex(string subject, string text)
    {
        bool tron = false;
        bool bitcoin = false;
        bool other = false;
        foreach (string part in (ReadOnlySpan<string>)[subject, text])
        {
            foreach (Match match in HintPattern.Matches(part))
            {
                if (char.IsAsciiLetterOrDigit(Chars.At(part, match.Index - 1))
                    || char.IsAsciiLetter(Chars.At(part, match.Index + match.Length)))
                {
                    continue;
                }

                tron |= match.Groups["Tron"].Success;
                bitcoin |= match.Groups["Bitcoin"].Success;
                other |= match.Groups["Other"].Success;
            }
        }

        return (tron, bitcoin, other) switch
        {
            (true, false, false) => ChainGuess.Tron,
            (false, true, false) => ChainGuess.Bitcoin,
            _ => ChainGuess.Hex64,
        };
    }
}
