namespace MailTicketing.Mime;

/// <summary>
/// Splits a date value into numbers, words and single punctuation characters. Comments are
/// dropped (RFC 5322 §3.2.2: "(CST)" after a zone is only a hint), whitespace only separates.
/// </summary>
internal static class DateTokenizer
{
    // Numbers longer than this cannot be a date part; they still count as one token.
    private const int MaxNumberDigits = 9;

    public static int Tokenize(ReadOnlySpan<char> s, Span<DateToken> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < s.Length && count < tokens.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(')
            {
                i = SkipComment(s, i);
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                var value = 0;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    if (i - start < MaxNumberDigits)
                    {
                        value = (value * 10) + (s[i] - '0');
                    }

                    i++;
                }

                tokens[count++] = new DateToken(DateTokenKind.Number, start, i - start, value);
            }
            else if (IsDateSeparator(c))
            {
                // Chinese clients write 2024年5月1日: year and month marks work like '-'.
                tokens[count++] = new DateToken(DateTokenKind.Punct, i, 1, c == '日' ? ' ' : '-');
                i++;
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < s.Length && char.IsLetter(s[i]) && !IsDateSeparator(s[i]))
                {
                    i++;
                }

                tokens[count++] = new DateToken(DateTokenKind.Word, start, i - start, 0);
            }
            else
            {
                tokens[count++] = new DateToken(DateTokenKind.Punct, i, 1, c);
                i++;
            }
        }

        return count;
    }

    private static bool IsDateSeparator(char c) => c is '年' or '月' or '日';

    // Nested comments with quoted-pairs; an unterminated one runs to the end.
    private static int SkipComment(ReadOnlySpan<char> s, int i)
    {
        var depth = 0;
        for (; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '\\':
                    i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return s.Length;
    }
}
