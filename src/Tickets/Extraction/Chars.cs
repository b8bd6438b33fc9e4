namespace MailTicketing.Tickets.Extraction;

// Character tests on folded text (see TextFolding), where identifiers are plain ASCII.
internal static class Chars
{
    public static bool IsAsciiAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    public static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !s.IsEmpty;
    }

    public static bool HasDigit(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    public static char At(string text, int index) => (uint)index < (uint)text.Length ? text[index] : '\0';
}
