namespace MailTicketing.Mime;

/// <summary>
/// Reads msg-id lists (Message-ID, In-Reply-To, References; RFC 5322 §3.6.4) as real mail writes
/// them: angle-bracketed ids with comments, phrases or junk between them, or bare ids without brackets.
/// Ids are returned without angle brackets.
/// </summary>
public static class MessageIdList
{
    public static IReadOnlyList<string> Parse(string? value)
    {
        var ids = new List<string>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return ids;
        }

        var span = value.AsSpan();
        var sawBracket = false;
        while (true)
        {
            var open = span.IndexOf('<');
            if (open < 0)
            {
                break;
            }

            var close = span[(open + 1)..].IndexOf('>');
            if (close < 0)
            {
                // "<id" cut off: take the rest as the id.
                AddId(ids, span[(open + 1)..]);
                sawBracket = true;
                break;
            }

            AddId(ids, span.Slice(open + 1, close));
            sawBracket = true;
            span = span[(open + close + 2)..];
        }

        if (!sawBracket)
        {
            // No brackets at all: take whitespace-separated words that look like ids.
            foreach (var word in value.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Contains('@'))
                {
                    AddId(ids, word);
                }
            }
        }

        return ids;
    }

    public static string? ParseFirst(string? value) => Parse(value) is [var first, ..] ? first : null;

    private static void AddId(List<string> ids, ReadOnlySpan<char> candidate)
    {
        // Folding and stray spaces inside an id are a known Outlook and list-server habit; drop them.
        Span<char> cleaned = candidate.Length <= 512 ? stackalloc char[candidate.Length] : new char[candidate.Length];
        var length = 0;
        foreach (var c in candidate)
        {
            if (!char.IsWhiteSpace(c))
            {
                cleaned[length++] = c;
            }
        }

        if (length == 0)
        {
            return;
        }

        var id = cleaned[..length].ToString();
        if (!ids.Contains(id))
        {
            ids.Add(id);
        }
    }
}
