using System.Buffers;
using System.Security.Cryptography;

namespace MailTicketing.Tickets.Extraction;

// Bitcoin's base58 alphabet (no 0, O, I, l). Used by Bitcoin and Tron addresses, WIF and
// extended keys (with a 4-byte double-SHA-256 checksum, "Base58Check"), and by Solana
// addresses and signatures (plain base58, no checksum).
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly SearchValues<char> AlphabetChars = SearchValues.Create(Alphabet);

    public static bool IsBase58(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(AlphabetChars);

    // Returns the decoded length, or -1 when the text is not base58 or decodes to more than
    // the destination holds. Quadratic in the length, which the callers cap at ~120 characters.
    public static int Decode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length > 120 || !IsBase58(text))
        {
            return -1;
        }

        Span<byte> work = stackalloc byte[96];
        work.Clear();
        int length = 0; // significant bytes, stored little-endian at the start of work
        foreach (char c in text)
        {
            int carry = Alphabet.IndexOf(c);
            for (int i = 0; i < length; i++)
            {
                carry += work[i] * 58;
                work[i] = (byte)carry;
                carry >>= 8;
            }

            while (carry > 0)
            {
                if (length == work.Length)
                {
                    return -1;
                }

                work[length++] = (byte)carry;
                carry >>= 8;
            }
        }

        int leadingZeros = 0;
        while (leadingZeros < text.Length && text[leadingZeros] == '1')
        {
            leadingZeros++;
        }

        int total = leadingZeros + length;
        if (total > destination.Length)
        {
            return -1;
        }

        destination[..leadingZeros].Clear();
        for (int i = 0; i < length; i++)
        {
            destination[leadingZeros + i] = work[length - 1 - i];
        }

        return total;
    }

    // Base58Check: payload followed by the first four bytes of SHA-256(SHA-256(payload)).
    // Returns the payload length (version byte included), or -1.
    public static int DecodeChecked(ReadOnlySpan<char> text, Span<byte> payload)
    {
        Span<byte> raw = stackalloc byte[96];
        int length = Decode(text, raw);
        if (length < 5 || length - 4 > payload.Length)
        {
            return -1;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(raw[..(length - 4)], hash);
        SHA256.HashData(hash, hash);
        if (!hash[..4].SequenceEqual(raw.Slice(length - 4, 4)))
        {
            return -1;
        }

        raw[..(length - 4)].CopyTo(payload);
        return length - 4;
    }
}
