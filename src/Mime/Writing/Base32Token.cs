using System.Security.Cryptography;

namespace MailTicketing.Mime.Writing;

/// <summary>Random tokens in lower-case RFC 4648 base32: safe in dot-atoms, boundaries and file names.</summary>
internal static class Base32Token
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string Create(int randomBytes)
    {
        Span<byte> bytes = stackalloc byte[randomBytes];
        RandomNumberGenerator.Fill(bytes);
        return Encode(bytes);
    }

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[(bytes.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[index++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
        {
            chars[index++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars, 0, index);
    }
}
