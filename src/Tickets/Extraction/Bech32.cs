namespace MailTicketing.Tickets.Extraction;

// Checks segwit addresses (BIP-173 bech32 for witness version 0, BIP-350 bech32m for 1-16)
// so that a random "bc1…" word is not taken for a Bitcoin address.
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    public static bool IsSegwitAddress(ReadOnlySpan<char> text, string humanReadablePart)
    {
        // BIP-173: at most 90 characters, one case only; segwit programs make 14..74.
        if (text.Length is < 14 or > 74)
        {
            return false;
        }

        bool hasLower = false;
        bool hasUpper = false;
        foreach (char c in text)
        {
            hasLower |= c is >= 'a' and <= 'z';
            hasUpper |= c is >= 'A' and <= 'Z';
        }

        if (hasLower && hasUpper)
        {
            return false;
        }

        int separator = text.LastIndexOf('1');
        if (separator != humanReadablePart.Length
            || !text[..separator].Equals(humanReadablePart, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ReadOnlySpan<char> data = text[(separator + 1)..];
        if (data.Length < 7)
        {
            return false;
        }

        Span<byte> values = stackalloc byte[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            int v = Charset.IndexOf(char.ToLowerInvariant(data[i]));
            if (v < 0)
            {
                return false;
            }

            values[i] = (byte)v;
        }

        uint check = 1;
        foreach (char c in humanReadablePart)
        {
            check = PolyMod(check, c >> 5);
        }

        check = PolyMod(check, 0);
        foreach (char c in humanReadablePart)
        {
            check = PolyMod(check, c & 31);
        }

        foreach (byte v in values)
        {
            check = PolyMod(check, v);
        }

        int witnessVersion = values[0];
        if (witnessVersion > 16)
        {
            return false;
        }

        uint expected = witnessVersion == 0 ? Bech32Constant : Bech32mConstant;
        if (check != expected)
        {
            return false;
        }

        // The program is the 5-bit groups between the version and the 6-symbol checksum.
        int programBits = (values.Length - 7) * 5;
        int programBytes = programBits / 8;
        if (programBits % 8 > 4 || programBytes is < 2 or > 40)
        {
            return false;
        }

        return witnessVersion != 0 || programBytes is 20 or 32;
    }

    private static uint PolyMod(uint check, int value)
    {
        uint top = check >> 25;
        check = ((check & 0x1ffffff) << 5) ^ (uint)value;
        if ((top & 1) != 0)
        {
            check ^= 0x3b6a57b2;
        }

        if ((top & 2) != 0)
        {
            check ^= 0x26508e6d;
        }

        if ((top & 4) != 0)
        {
            check ^= 0x1ea119fa;
        }

        if ((top & 8) != 0)
        {
            check ^= 0x3d4254ed;
        }

        if ((top & 16) != 0)
        {
            check ^= 0x2a1462b3;
        }

        return check;
    }
}
