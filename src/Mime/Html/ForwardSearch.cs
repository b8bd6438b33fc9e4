namespace MailTicketing.Mime.Html;

/// <summary>
/// Finds the next occurrence of a fixed needle at or after a position that only moves forward,
/// remembering the last answer. A broken document can ask again and again (every unclosed quote,
/// every stray &lt;head&gt;); with the memo all those questions cost one pass over the text.
/// </summary>
internal sealed class ForwardSearch(string text, string needle)
{
    private int _from = -1;
    private int _found = -1;

    public int Find(int from)
    {
        if (_from >= 0 && from >= _from && (_found < 0 || _found >= from))
        {
            return _found;
        }

        _from = from;
        var index = text.AsSpan(from).IndexOf(needle, StringComparison.OrdinalIgnoreCase);
        _found = index < 0 ? -1 : from + index;
        return _found;
    }
}
