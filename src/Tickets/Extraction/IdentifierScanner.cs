namespace MailTicketing.Tickets.Extraction;

// One pass over the ASCII alphanumeric runs of a folded text. Each run is judged by its shape
// (0x hex, bare hex, base58, bech32, digits) and, for UIDs and order ids, by the nearest label
// before it. Identifiers are cut at non-alphanumerics, so hex inside a longer token never matches.
internal sealed class IdentifierScanner(string text, ChainGuess bareHexChain, FactCollector collector)
{
    private readonly List<Label> _labels = LabelScanner.Find(text);

    // The last UID or order id taken, so that "UID 12345678, 23456789" yields both.
    private LabelKind? _lastKind;
    private int _lastEnd;
    private int _labelCursor;

    public void Run()
    {
        AmountScanner.Scan(text, collector.AddAmount);
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int end = i;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                end++;
            }

            // "UID12345678": the label is glued to its value; the value starts where the label ends.
            int glued = GluedLabelEnd(i, end);
            if (glued > i)
            {
                i = glued;
                continue;
            }

            i = Math.Max(end, Classify(i, end));
        }
    }

    // Returns where scanning resumes (past an order id that spans "-" or "_").
    private int Classify(int start, int end)
    {
        var token = text.AsSpan(start, end - start);
        if (token.Length > 2 && token[0] == '0' && token[1] is 'x' or 'X' && Chars.IsHex(token[2..]))
        {
            // Vanity and system addresses open with zeros ("0x00000000219ab5…"): only the rest must look random.
            if (token.Length is 66 or 42 && IdentifierShapes.LooksRandom(token.Length == 42 ? token[2..].TrimStart('0') : token[2..])
                && !IsSecretOrDigestLabelled(start))
            {
                string value = token.ToString().ToLowerInvariant();
                if (token.Length == 66)
                {
                    // "etherscan.io/block/0x…" names a block, not a transaction.
                    if (!(ExplorerLink.TryFind(text, start, out var link) && link.IsBlockPath))
                    {
                        collector.AddTransaction(value, ChainGuess.Evm);
                    }
                }
                else
                {
                    collector.AddAddress(value, ChainGuess.Evm);
                }
            }

            return end;
        }

        if (token.Length == 64 && Chars.IsHex(token))
        {
            if (IdentifierShapes.LooksRandom(token) && TryAcceptBare(start, end, out ChainGuess? linkChain) && !IsSecretOrDigestLabelled(start))
            {
                collector.AddTransaction(token.ToString().ToLowerInvariant(), linkChain ?? bareHexChain);
            }

            return end;
        }

        if (Chars.IsDigits(token))
        {
            return TakeNumber(start, end);
        }

        if (TryTakeAddressOrSignature(start, end, token))
        {
            return end;
        }

        if ((Chars.HasDigit(token) || Chars.At(text, end) is '-' or '_') && GoverningKind(start) == LabelKind.Order)
        {
            return TakeOrder(start);
        }

        return end;
    }

    private bool TryTakeAddressOrSignature(int start, int end, ReadOnlySpan<char> token)
    {
        if (token.Length >= 14 && token.StartsWith("bc1", StringComparison.OrdinalIgnoreCase))
        {
            if (Bech32.IsSegwitAddress(token, "bc"))
            {
                collector.AddAddress(token.ToString().ToLowerInvariant(), ChainGuess.Bitcoin);
                return true;
            }

            return false;
        }

        if (token.Length < 25 || token.Length > 88 || !Base58.IsBase58(token))
        {
            return false;
        }

        Span<byte> payload = stackalloc byte[96];
        if (token.Length == 34 && token[0] == 'T')
        {
            if (Base58.DecodeChecked(token, payload) == 21 && payload[0] == 0x41)
            {
                collector.AddAddress(token.ToString(), ChainGuess.Tron);
                return true;
            }
        }
        else if (token[0] is '1' or '3' && token.Length <= 35)
        {
            if (Base58.DecodeChecked(token, payload) == 21 && payload[0] == (token[0] == '1' ? 0x00 : 0x05))
            {
                collector.AddAddress(token.ToString(), ChainGuess.Bitcoin);
                return true;
            }
        }

        if (token.Length is >= 86 and <= 88)
        {
            if (Base58.Decode(token, payload) == 64 && TryAcceptBare(start, end, out _) && !IsSecretOrDigestLabelled(start))
            {
                collector.AddTransaction(token.ToString(), ChainGuess.Solana);
                return true;
            }
        }
        else if (token.Length is >= 32 and <= 44 && IsSolanaAddressContext(start) && Base58.Decode(token, payload) == 32)
        {
            collector.AddAddress(token.ToString(), ChainGuess.Solana);
            return true;
        }

        return false;
    }

    private bool IsSolanaAddressContext(int start)
    {
        if (ExplorerLink.TryFind(text, start, out var link))
        {
            return link.Chain == ChainGuess.Solana && link.IsAddressPath;
        }

        return GoverningKind(start) == LabelKind.Address;
    }

    // A bare hash (no 0x) stands on its own: not glued into a path, a base64 run, a file name,
    // a query string or an address, unless it is the last segment of an explorer link or a
    // labelled "txid=…".
    private bool TryAcceptBare(int start, int end, out ChainGuess? linkChain)
    {
        linkChain = null;
        char before = Chars.At(text, start - 1);
        if (before == '/')
        {
            if (!ExplorerLink.TryFind(text, start, out var link) || !link.IsTransactionPath)
            {
                return false;
            }

            linkChain = link.Chain;
        }
        else if (before == '=')
        {
            if (GoverningKind(start) != LabelKind.Transaction)
            {
                return false;
            }
        }
        else if (before is '+' or '_' or '.' or '@' or '%' or '-' or '&' or '?' or '\\' or '$')
        {
            return false;
        }

        char after = Chars.At(text, end);
        if (after is '/' or '+' or '=' or '_' or '@' or '-' or '\\' or '%' || (before == '<' && after == '>'))
        {
            return false;
        }

        return !(after == '.' && char.IsAsciiLetterOrDigit(Chars.At(text, end + 1)));
    }

    private int TakeNumber(int start, int end)
    {
        LabelKind? kind = GoverningKind(start);
        if (kind is null && _lastKind is not null && IdentifierShapes.IsListContinuation(text, _lastEnd, start))
        {
            kind = _lastKind;
        }

        if (kind is LabelKind.Uid or LabelKind.Account)
        {
            if (IsPlausibleUid(start, end, kind.Value))
            {
                collector.AddUid(text[start..end]);
                _lastKind = kind;
                _lastEnd = end;
            }

            return end;
        }

        return kind == LabelKind.Order ? TakeOrder(start) : end;
    }

    private int TakeOrder(int start)
    {
        // Order ids may carry inner hyphens or underscores: "WD-2024-0318-0042".
        int end = start;
        while (true)
        {
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                end++;
            }

            if (Chars.At(text, end) is '-' or '_' && char.IsAsciiLetterOrDigit(Chars.At(text, end + 1)))
            {
                end++;
                continue;
            }

            break;
        }

        var value = text.AsSpan(start, end - start);
        if (value.Length is >= 5 and <= 40 && Chars.HasDigit(value) && !IdentifierShapes.LooksLikeDateOrVersion(value)
            && IdentifierShapes.HasCleanNeighbours(text, start, end))
        {
            collector.AddOrder(value.ToString());
            _lastKind = LabelKind.Order;
            _lastEnd = end;
        }

        return end;
    }

    private bool IsPlausibleUid(int start, int end, LabelKind kind)
    {
        int length = end - start;
        if (kind == LabelKind.Uid ? length is < 6 or > 16 : length is < 6 or > 12)
        {
            return false;
        }

        // "账号 13800138000": Chinese sign-ups use the mobile number as the login.
        if (kind == LabelKind.Account && length == 11 && text[start] == '1' && text[start + 1] is >= '3' and <= '9')
        {
            return false;
        }

        return IdentifierShapes.HasCleanNeighbours(text, start, end);
    }

    // Only UID and order labels glue to a run of digits: "TX2024…" is an order id itself and
    // "TX9…" may open a Tron address.
    private int GluedLabelEnd(int start, int end)
    {
        while (_labelCursor < _labels.Count && _labels[_labelCursor].Start < start)
        {
            _labelCursor++;
        }

        if (_labelCursor < _labels.Count && _labels[_labelCursor] is { } label && label.Start == start
            && label.Kind is LabelKind.Uid or LabelKind.Account or LabelKind.Order
            && label.End < end && Chars.IsDigits(text.AsSpan(label.End, end - label.End)))
        {
            return label.End;
        }

        return start;
    }

    private LabelKind? GoverningKind(int start) =>
        LabelScanner.TryGetLabelBefore(text, _labels, start, out var label, out _) ? label.Kind : null;

    private bool IsSecretOrDigestLabelled(int start) =>
        LabelScanner.TryGetLabelBefore(text, _labels, start, out var label, out _) && (label.IsSecret || label.Kind == LabelKind.Digest);

}
