using System.Text.RegularExpressions;

namespace MailTicketing.Tickets.Extraction;

// Finds the label words of support mail ("UID", "订单号", "TxID", "private key", "密码" …) in
// folded text, and decides whether a value is governed by the nearest label before it: only
// filler may stand between the two ("UID is: 123", "我的UID是123", "order no. WD1").
internal static class LabelScanner
{
    private const int MaxGap = 32;
    private const int MaxSecretGap = 48;

    // Alternatives sharing a start are ordered longest first; the engine picks the first
    // alternative that matches at the leftmost position.
    private static readonly Regex LabelPattern = ExtractionRegex.Create(
        """
        (?<TwoFactorSecret>(?:2fa|totp|mfa|authenticator|google[ _-]?auth(?:enticator)?)[ _-]?(?:secret|key|seed|backup[ _-]?key|setup[ _-]?key)s?|backup[ _-]?(?:keys?|codes?)|setup[ _-]?key|recovery[ _-]?(?:keys?|codes?)|谷歌验证器?备份密钥|谷歌验证器?密钥|谷歌密钥|验证器密钥|备份密钥|2fa\s?密钥)
        |(?<PrivateKey>private[ _-]?keys?|priv[ _-]?keys?|私钥|私鑰)
        |(?<Password>passwords?|passwd|pwd|pass[ _-]?code|pass[ _-]?phrase|pass[ _-]?word|密码|密碼|口令)
        |(?<ApiSecret>api[ _-]?(?:keys?|secrets?)|secret[ _-]?keys?|secrets?|access[ _-]?keys?|api\s?密钥|密钥|密鑰)
        |(?<Uid>uids?|user[ _-]?ids?|account[ _-]?(?:uid|id)s?|用户\s?(?:uid|id)|用戶\s?(?:uid|id)|[账帳][户号戶號]\s?(?:uid|id)|用户编号|会员\s?id)
        |(?<Account>accounts?|acct|[账帳][户号戶號])
        |(?<Order>orders?|订单编号|订单号|订单|单号|訂單編號|訂單號|訂單|單號|withdrawal[ _-]?ids?|提现\s?id|提币\s?id)
        |(?<Transaction>txids?|txns?|tx[ _-]?hash(?:es)?|tx|transaction[ _-]?(?:hash|id)|transactions?|hash(?:es)?|交易哈希值?|交易\s?(?:id|hash)|哈希值?)
        |(?<Address>addresses|address|wallets?|地址|钱包|錢包)
        |(?<Digest>checksum|sha-?256|sha-?1|md5|digest|fingerprint|校验和|校验值)
        """.Replace("\r", "").Replace("\n", ""));

    private static readonly (string Group, LabelKind Kind)[] Groups =
    [
        ("TwoFactorSecret", LabelKind.TwoFactorSecret),
        ("PrivateKey", LabelKind.PrivateKey),
        ("Password", LabelKind.Password),
        ("ApiSecret", LabelKind.ApiSecret),
        ("Uid", LabelKind.Uid),
        ("Account", LabelKind.Account),
        ("Order", LabelKind.Order),
        ("Transaction", LabelKind.Transaction),
        ("Address", LabelKind.Address),
        ("Digest", LabelKind.Digest),
    ];

    private static readonly HashSet<string> FillerWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "was", "are", "no", "nr", "num", "number", "numbers", "id", "ids", "hash", "code",
        "my", "the", "as", "follows", "below", "here", "hex", "value", "wif", "base58",
    };

    // Secrets are announced more loosely: "the password for my account is …".
    private static readonly HashSet<string> SecretFillerWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "for", "of", "my", "account", "login", "email", "to", "on", "wallet", "exchange", "old",
        "new", "current", "key", "keys", "phrase", "string",
    };

    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase) { "is", "was", "are" };

    private static readonly System.Buffers.SearchValues<char> Base64Chars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    private const string FillerHan = "是为為号號码碼如下的值即";
    private const string SecretFillerHan = "我账帳户號号登录錄新旧原钱包錢";
    private const string FillerPunctuation = ":=#()[]\"'*-–—.,;“”‘’「」【】《》~|";

    public static List<Label> Find(string folded)
    {
        var labels = new List<Label>();
        foreach (Match match in LabelPattern.Matches(folded))
        {
            if (!HasWordBoundaries(folded, match.Index, match.Index + match.Length) || IsInsideEncodedRun(folded, match.Index))
            {
                continue;
            }

            foreach ((string group, LabelKind kind) in Groups)
            {
                if (match.Groups[group].Success)
                {
                    if (!IsMachineText(folded, match.Index, kind))
                    {
                        labels.Add(new Label(kind, match.Index, match.Index + match.Length));
                    }

                    break;
                }
            }
        }

        return labels;
    }

    // The nearest label ending at or before position, if only filler lies between.
    public static bool TryGetLabelBefore(string folded, List<Label> labels, int position, out Label label, out LabelSeparator separator)
    {
        label = default;
        separator = LabelSeparator.None;
        int lo = 0;
        int hi = labels.Count - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (labels[mid].End <= position)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return false;
        }

        label = labels[found];
        int gapLength = position - label.End;
        if (gapLength > (label.IsSecret ? MaxSecretGap : MaxGap))
        {
            return false;
        }

        return IsFiller(folded.AsSpan(label.End, gapLength), label.IsSecret, out separator);
    }

    private static bool IsDigestWord(string text, int start) =>
        text.AsSpan(start).StartsWith("checksum", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(start).StartsWith("sha", StringComparison.OrdinalIgnoreCase);

    // "…+pWd0QP0ACgAe…": base64 and uuencoded lines spell label words by chance. A label inside
    // a long run without blanks that holds only base64 characters is not a label.
    private static bool IsInsideEncodedRun(string text, int index)
    {
        int start = index;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && index - start < 200)
        {
            start--;
        }

        int end = index;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && end - index < 200)
        {
            end++;
        }

        var run = text.AsSpan(start, end - start);
        int padding = run.IndexOf('=');

        // Base64 has '=' only as padding at the end; "apiSecret=…" is a label and its value.
        return run.Length >= 40 && run.IndexOfAnyExcept(Base64Chars) < 0 && (padding < 0 || run[padding..].IndexOfAnyExcept('=') < 0);
    }

    // Received lines quoted in bounces and forwards: "(Postfix, from userid 1000)",
    // "(qmail 123 invoked by uid 60001)". Customers write "my UID", never these.
    private static bool IsMachineText(string text, int start, LabelKind kind)
    {
        if (kind != LabelKind.Uid)
        {
            return false;
        }

        var before = text.AsSpan(0, start);
        return (text.AsSpan(start).StartsWith("userid ", StringComparison.Ordinal) && before.EndsWith("from ", StringComparison.Ordinal))
            || (text.AsSpan(start).StartsWith("uid ", StringComparison.Ordinal) && before.EndsWith("invoked by ", StringComparison.Ordinal));
    }

    private static bool HasWordBoundaries(string text, int start, int end)
    {
        // "OriginalChecksum:", "X-SHA256:": a digest label may end a longer word.
        if (char.IsAsciiLetter(text[start]) && !IsDigestWord(text, start))
        {
            char before = Chars.At(text, start - 1);

            // "?uid=" is a URL query; "材料？UID" is a Chinese question mark that folding made ASCII.
            var chineseQuestionMark = before == '?' && Chars.IsHan(Chars.At(text, start - 2));
            if (char.IsAsciiLetterOrDigit(before) || (before is '?' && !chineseQuestionMark) || before is '&' or '=' or '/' or '.' or '_' or '-' or '@')
            {
                return false;
            }
        }

        return !char.IsAsciiLetter(text[end - 1]) || !char.IsAsciiLetter(Chars.At(text, end));
    }

    private static bool IsFiller(ReadOnlySpan<char> gap, bool secret, out LabelSeparator separator) =>
        ScanFiller(gap, secret, out separator) == gap.Length;

    // Where the value after a label starts: the first character past the filler, or -1 when
    // the filler runs on for longer than a label may stand from its value.
    public static int SkipFiller(string folded, Label label, out LabelSeparator separator)
    {
        int max = Math.Min(folded.Length - label.End, label.IsSecret ? MaxSecretGap : MaxGap);
        int consumed = ScanFiller(folded.AsSpan(label.End, max), label.IsSecret, out separator);
        return consumed == max && label.End + max < folded.Length ? -1 : label.End + consumed;
    }

    // Length of the filler at the start of text: blanks (at most two line breaks), label
    // punctuation, and whole filler words ("is", "no.", "是", "为" …).
    private static int ScanFiller(ReadOnlySpan<char> text, bool secret, out LabelSeparator separator)
    {
        separator = LabelSeparator.None;
        int newlines = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                if (++newlines > 2)
                {
                    return i;
                }

                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiLetter(c))
            {
                int end = i;
                while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
                {
                    end++;
                }

                var word = text[i..end];
                if (!FillerWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
                    && !(secret && SecretFillerWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)))
                {
                    return i;
                }

                if (separator == LabelSeparator.None && Verbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
                {
                    separator = LabelSeparator.Verb;
                }

                i = end;
            }
            else if (FillerPunctuation.Contains(c))
            {
                if (c is ':' or '=')
                {
                    separator = LabelSeparator.Colon;
                }

                i++;
            }
            else if (FillerHan.Contains(c) || (secret && SecretFillerHan.Contains(c)))
            {
                if (separator == LabelSeparator.None && c is '是' or '为' or '為')
                {
                    separator = LabelSeparator.Verb;
                }

                i++;
            }
            else
            {
                return i;
            }
        }

        return i;
    }
}
