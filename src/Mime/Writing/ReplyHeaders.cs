namespace MailTicketing.Mime.Writing;

/// <summary>Threading fields for replies (RFC 5322 §3.6.4).</summary>
public static class ReplyHeaders
{
    /// <summary>
    /// The References of a reply: the parent's References followed by the parent's Message-ID.
    /// Ids that cannot be written safely are dropped, duplicates are removed, and when the list is
    /// longer than <paramref name="max"/> the first (the thread root) and the last max-1 are kept.
    /// </summary>
    public static List<string> BuildReferences(IEnumerable<string?>? parentReferences, string? parentMessageId, int max = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var parent = NormalizeMessageId(parentMessageId);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var raw in parentReferences ?? [])
        {
            var id = NormalizeMessageId(raw);
            if (id is not null && id != parent && seen.Add(id))
            {
                ids.Add(id);
            }
        }

        if (parent is not null)
        {
            ids.Add(parent);
        }

        if (ids.Count > max)
        {
            ids.RemoveRange(1, ids.Count - max);
        }

        return ids;
    }

    /// <summary>
    /// Turns an id as found in a parsed message ("&lt;abc@host&gt;", " abc@host ") into the form the
    /// writer takes (no brackets), or null when it is empty or could not be written safely.
    /// </summary>
    public static string? NormalizeMessageId(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var id = raw.AsSpan().Trim();
        var open = id.IndexOf('<');
        if (open >= 0)
        {
            var close = id[(open + 1)..].IndexOf('>');
            if (close < 0)
            {
                return null;
            }

            id = id.Slice(open + 1, close).Trim();
        }

        var text = id.ToString();
        return MessageIdSyntax.IsWritable(text) ? text : null;
    }
}
