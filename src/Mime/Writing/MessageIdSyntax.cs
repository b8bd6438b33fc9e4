namespace MailTicketing.Mime.Writing;

/// <summary>What a msg-id (RFC 5322 §3.6.4) may look like when we write it.</summary>
internal static class MessageIdSyntax
{
    public const int MaxLength = 900;

    /// <summary>Our own ids: dot-atom-text "@" (dot-atom-text / domain literal), the strict grammar.</summary>
    public static bool IsStrict(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        var at = id.IndexOf('@');
        if (at <= 0 || !MimeSyntax.IsDotAtomText(id.AsSpan(0, at)))
        {
            return false;
        }

        var right = id.AsSpan(at + 1);
        if (right.Length > 2 && right[0] == '[' && right[^1] == ']')
        {
            var inner = right[1..^1];
            return !inner.ContainsAnyExceptInRange('!', '~') && inner.IndexOfAny("[]\\") < 0;
        }

        return MimeSyntax.IsDotAtomText(right);
    }

    /// <summary>
    /// Ids of other people's messages (In-Reply-To, References) are copied as they came, obsolete
    /// forms included, as long as they cannot break the field: printable ASCII without whitespace,
    /// angle brackets, quotes, comment parentheses, backslashes or commas.
    /// </summary>
    public static bool IsWritable(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        return !id.AsSpan().ContainsAnyExceptInRange('!', '~') && id.AsSpan().IndexOfAny("<>\"()\\,") < 0;
    }
}
