namespace MailTicketing.Mime;

/// <summary>Reads RFC 5322 dates in the forms real clients send (obsolete zones, missing parts, odd orders).</summary>
/// <remarks>
/// Works on tokens instead of a fixed grammar: each number or word is placed by what it can be
/// (a month name, a time because a colon follows, a 4-digit year, a zone after the time).
/// What follows a complete date and time that is not a zone is ignored, so a header glued to
/// the next line still reads. A missing time is midnight; a missing or unknown zone is UTC.
/// </remarks>
public static class DateParser
{
    // A date needs about 15 tokens; anything past this is trailing text.
    private const int MaxTokens = 48;

    public static bool TryParse(string? value, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        Span<DateToken> tokens = stackalloc DateToken[MaxTokens];
        var count = DateTokenizer.Tokenize(value, tokens);
        var parts = new DateParts();
        if (!parts.Read(value, tokens[..count]))
        {
            return false;
        }

        return parts.TryBuild(out date);
    }
}
