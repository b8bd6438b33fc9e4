using System.Buffers;

namespace MailTicketing.Mime.Writing;

/// <summary>Character classes from RFC 5322 §3.2.3 and RFC 2045 §5.1 used to decide quoting and encoding.</summary>
internal static class MimeSyntax
{
    // atext: ALPHA / DIGIT / "!#$%&'*+-/=?^_`{|}~" (RFC 5322 §3.2.3).
    private static readonly SearchValues<char> AText = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~");

    // token: any printable ASCII except SPACE and tspecials (RFC 2045 §5.1).
    private static readonly SearchValues<char> TokenChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`{|}~");

    // attr-char (RFC 5987 §3.2.1, the safe subset of RFC 2231's attribute-char).
    private static readonly SearchValues<char> AttrChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~");

    public static bool IsAtom(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(AText);

    public static bool IsToken(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(TokenChars);

    public static bool IsAttrChar(char c) => AttrChars.Contains(c);

    /// <summary>dot-atom-text: atoms joined by single dots (RFC 5322 §3.2.3).</summary>
    public static bool IsDotAtomText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var range in text.Split('.'))
        {
            if (!IsAtom(text[range]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Printable ASCII plus SPACE: what a quoted-string can carry without encoding.</summary>
    public static bool IsPrintableAsciiOrSpace(ReadOnlySpan<char> text) =>
        !text.ContainsAnyExceptInRange(' ', '~');

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    /// <summary>A quoted-string (RFC 5322 §3.2.4) with '\' and '"' escaped.</summary>
    public static string Quote(ReadOnlySpan<char> text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Replaces every CR, LF or CRLF with one space: line breaks have no meaning inside a header value.</summary>
    public static string FlattenLineBreaks(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return text;
        }

        return text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
    }
}
