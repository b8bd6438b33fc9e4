using System.Buffers;
using MailTicketing.Mime.Text;

namespace MailTicketing.Mime;

/// <summary>
/// Splits a raw address header value into tokens in one pass. Folding (CRLF + WSP) is whitespace.
/// Unbalanced quotes and brackets become single <see cref="AddressTokenKind.Special"/> tokens
/// instead of swallowing the rest of the header.
/// </summary>
internal static class AddressTokenizer
{
    // RFC 2047 §2 limits an encoded word to 75 characters; a little slack for sloppy senders.
    private const int MaxEncodedWordLength = 200;

    // RFC 5322 §3.2.3 specials, except '.', which real names and addresses both use unquoted,
    // plus whitespace and control characters, which only separate.
    private static readonly SearchValues<byte> AtomStop = SearchValues.Create(
        [.. "()<>[]:;@\\,\" "u8, .. Enumerable.Range(0, 0x20).Select(b => (byte)b), 0x7F]);

    public static void Tokenize(ReadOnlySpan<byte> s, List<AddressToken> tokens)
    {
        var i = 0;
        var space = false;

        // Once a '[' finds no ']', none after it will either; remember that to stay linear.
        var noClosingBracket = false;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is <= (byte)' ' or 0x7F)
            {
                space = true;
                i++;
                continue;
            }

            var start = i;
            AddressTokenKind kind;
            switch (c)
            {
                case (byte)'(':
                    kind = AddressTokenKind.Comment;
                    i = HeaderTokens.SkipComment(s, i);
                    break;
                case (byte)'"':
                    i = FindClosing(s, i + 1, (byte)'"');
                    kind = i < 0 ? AddressTokenKind.Special : AddressTokenKind.QuotedString;
                    i = i < 0 ? start + 1 : i + 1;
                    break;
                case (byte)'[':
                    var close = noClosingBracket ? -1 : FindClosing(s, i + 1, (byte)']');
                    noClosingBracket = close < 0;
                    kind = close < 0 ? AddressTokenKind.Special : AddressTokenKind.DomainLiteral;
                    i = close < 0 ? start + 1 : close + 1;
                    break;
                case (byte)')' or (byte)'<' or (byte)'>' or (byte)']' or (byte)':' or (byte)';'
                    or (byte)'@' or (byte)'\\' or (byte)',':
                    kind = AddressTokenKind.Special;
                    i++;
                    break;
                default:
                    kind = AddressTokenKind.Atom;
                    i = ScanAtom(s, i);
                    break;
            }

            tokens.Add(new AddressToken(kind, start, i - start, space));
            space = false;
        }
    }

    private static int ScanAtom(ReadOnlySpan<byte> s, int i)
    {
        while (true)
        {
            var stop = s[i..].IndexOfAny(AtomStop);
            var next = stop < 0 ? s.Length : i + stop;

            // Senders put specials inside encoded words ("=?utf-8?Q?Doe,_John?="): an encoded
            // word that runs past the next special keeps the atom going after it.
            var j = i;
            var crossing = -1;
            while (j < next && s[j..next].IndexOf("=?"u8) is var eq and >= 0)
            {
                j += eq;
                var end = EncodedWordEnd(s, j);
                if (end > next)
                {
                    crossing = end;
                    break;
                }

                j = end > 0 ? end : j + 2;
            }

            if (crossing < 0)
            {
                return next;
            }

            i = crossing;
            if (i >= s.Length)
            {
                return i;
            }
        }
    }

    // =?charset?enc?text?= without whitespace, bounded in length; returns the index after it or -1.
    private static int EncodedWordEnd(ReadOnlySpan<byte> s, int i)
    {
        var limit = Math.Min(s.Length, i + MaxEncodedWordLength);
        var questionMarks = 0;
        for (var j = i + 2; j < limit; j++)
        {
            var c = s[j];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                return -1;
            }

            if (c == '?')
            {
                questionMarks++;
                if (questionMarks >= 3 && j + 1 < limit && s[j + 1] == '=')
                {
                    return j + 2;
                }
            }
        }

        return -1;
    }

    // Index of the closing byte honouring quoted-pairs, or -1.
    private static int FindClosing(ReadOnlySpan<byte> s, int i, byte closing)
    {
        for (; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == closing)
            {
                return i;
            }
        }

        return -1;
    }
}
