namespace MailTicketing.Tickets.Extraction;

// Finds the character ranges of secrets in a folded text (same offsets as the original).
// Unlabelled 64-hex strings are transaction hashes, not secrets; they become private keys only
// when a private-key label governs them.
internal static class SecretDetector
{
    private static readonly HashSet<string> NotPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "reset", "wrong", "incorrect", "correct", "changed", "change", "forgot", "forgotten", "expired",
        "locked", "invalid", "required", "none", "null", "unknown", "same", "hidden", "removed",
        "redacted", "ok", "not", "and", "or", "please", "help", "recovery", "manager", "protected",
        "never", "nobody", "anyone", "everyone", "your", "yours", "mine", "the", "this", "that", "what",
        "with", "without", "also", "again", "here", "there", "below", "above", "attached", "send", "sent",
        "share", "shared", "staff", "support", "do", "dont", "don't",
    };

    private static readonly string[] ExtendedKeyPrefixes = ["xprv", "yprv", "zprv", "tprv", "uprv", "vprv", "Yprv", "Zprv"];

    public static List<SecretSpan> Find(string original, string folded)
    {
        var spans = new List<SecretSpan>();
        FindPemBlocks(folded, spans);
        FindLabelled(original, folded, spans);
        FindKeyTokens(folded, spans);
        var phrases = new List<(int Start, int End)>();
        SeedPhraseDetector.Find(folded, phrases);
        foreach ((int start, int end) in phrases)
        {
            spans.Add(new SecretSpan(start, end, SecretKind.SeedPhrase));
        }

        return Merge(spans);
    }

    private static void FindPemBlocks(string text, List<SecretSpan> spans)
    {
        int from = 0;
        while (from < text.Length)
        {
            int begin = text.IndexOf("-----BEGIN ", from, StringComparison.Ordinal);
            if (begin < 0)
            {
                return;
            }

            int headerEnd = text.IndexOf("-----", begin + 11, StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                return;
            }

            if (!text.AsSpan(begin, headerEnd - begin).Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                from = headerEnd + 5;
                continue;
            }

            // A block cut off before its END line is still a key: redact to the end of the text.
            int end = text.Length;
            int endLine = text.IndexOf("-----END ", headerEnd + 5, StringComparison.Ordinal);
            if (endLine >= 0)
            {
                int close = text.IndexOf("-----", endLine + 9, StringComparison.Ordinal);
                end = close < 0 ? text.Length : close + 5;
            }

            spans.Add(new SecretSpan(begin, end, SecretKind.PrivateKey));
            from = end;
        }
    }

    private static void FindLabelled(string original, string folded, List<SecretSpan> spans)
    {
        foreach (var label in LabelScanner.Find(folded))
        {
            if (!label.IsSecret)
            {
                continue;
            }

            int start = LabelScanner.SkipFiller(folded, label, out var separator);
            if (start < 0 || start >= folded.Length)
            {
                continue;
            }

            // "pwd0QP…" is a word, not a label and its value; Chinese labels may touch the value ("密码123456").
            if (start == label.End && char.IsAsciiLetter(folded[label.End - 1]))
            {
                continue;
            }

            int end = label.Kind switch
            {
                LabelKind.Password => PasswordEnd(original, folded, start, separator),
                LabelKind.PrivateKey => KeyEnd(folded, start, minLength: 32),
                LabelKind.ApiSecret => ApiSecretEnd(folded, start),
                _ => TwoFactorEnd(folded, start),
            };

            if (end > start)
            {
                spans.Add(new SecretSpan(start, end, label.Kind switch
                {
                    LabelKind.Password => SecretKind.Password,
                    LabelKind.PrivateKey => SecretKind.PrivateKey,
                    LabelKind.ApiSecret => SecretKind.ApiSecret,
                    _ => SecretKind.TwoFactorSecret,
                }));
            }
        }
    }

    // A password runs to the next blank; full-width punctuation ends it too, since in Chinese
    // text "，" after the value is the sentence going on.
    private static int PasswordEnd(string original, string folded, int start, LabelSeparator separator)
    {
        int end = start;
        while (end < folded.Length && folded[end] is > ' ' and < '\u007F' && !IsFullWidthPunctuation(original[end]))
        {
            end++;
        }

        var value = folded.AsSpan(start, end - start).TrimEnd(".,;!?)");
        if (value.Length < 4 || !HasLetterOrDigit(value)
            || value.Contains("://", StringComparison.Ordinal))
        {
            return start;
        }

        if (NotPasswords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value))
        {
            return start;
        }

        // "my password is wrong" is prose; "my password is hunter2" is not. Without a colon the
        // value must look made up: a digit or a symbol in it.
        if (separator != LabelSeparator.Colon && !LooksMadeUp(value))
        {
            return start;
        }

        return end;
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksMadeUp(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (!char.IsAsciiLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int KeyEnd(string text, int start, int minLength)
    {
        int end = start;
        if (text.AsSpan(start).StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            end += 2;
        }

        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '+' or '/' or '='))
        {
            end++;
        }

        return end - start >= minLength ? end : start;
    }

    private static int ApiSecretEnd(string text, int start)
    {
        int end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-' or '+' or '/' or '=' or '.'))
        {
            end++;
        }

        var value = text.AsSpan(start, end - start).TrimEnd('.');
        if (value.Length < 16 || value.Contains("://", StringComparison.Ordinal) || !(Chars.HasDigit(value) || value.Length >= 24))
        {
            return start;
        }

        return start + value.Length;
    }

    // An authenticator key ("JBSWY3DPEHPK3PXP", or Google's "jbsw y3dp ehpk 3pxp") or backup
    // codes ("1234 5678, 2345 6789").
    private static int TwoFactorEnd(string text, int start)
    {
        int end = start;
        int total = 0;
        bool digit = false;
        int i = start;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            int tokenStart = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-'))
            {
                i++;
            }

            var token = text.AsSpan(tokenStart, i - tokenStart);
            bool hasDigit = Chars.HasDigit(token);
            bool group = token.Length == 4 || (tokenStart == start && token.Length >= 16);
            if (!hasDigit && !group)
            {
                break;
            }

            digit |= hasDigit;
            total += token.Length;
            end = i;

            // Groups are set apart by single blanks or a comma; a line break ends the value.
            int next = i;
            while (next < text.Length && text[next] is ' ' or ',' or ';' && next - i < 3)
            {
                next++;
            }

            if (next == i)
            {
                break;
            }

            i = next;
        }

        return total >= 16 || (digit && total >= 6) ? end : start;
    }

    // Keys that need no label: WIF (base58check, version 0x80) and BIP-32 extended private keys.
    private static void FindKeyTokens(string text, List<SecretSpan> spans)
    {
        Span<byte> payload = stackalloc byte[96];
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            var token = text.AsSpan(start, i - start);
            bool wif = (token.Length == 51 && token[0] == '5') || (token.Length == 52 && token[0] is 'K' or 'L');
            if (wif)
            {
                int length = Base58.DecodeChecked(token, payload);
                if (length is 33 or 34 && payload[0] == 0x80 && (length == 33 || payload[33] == 0x01))
                {
                    spans.Add(new SecretSpan(start, i, SecretKind.PrivateKey));
                }

                continue;
            }

            if (token.Length is >= 100 and <= 120 && Base58.IsBase58(token))
            {
                foreach (string prefix in ExtendedKeyPrefixes)
                {
                    if (token.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        spans.Add(new SecretSpan(start, i, SecretKind.PrivateKey));
                        break;
                    }
                }
            }
        }
    }

    private static bool IsFullWidthPunctuation(char c) =>
        c is >= '\uFF01' and <= '\uFF0F' or >= '\uFF1A' and <= '\uFF20' or >= '\uFF3B' and <= '\uFF40' or >= '\uFF5B' and <= '\uFF65'
        || c is >= '\u3000' and <= '\u303F';

    private static List<SecretSpan> Merge(List<SecretSpan> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<SecretSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, span.End) };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }
}
