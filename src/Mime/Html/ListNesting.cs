using System.Globalization;

namespace MailTicketing.Mime.Html;

/// <summary>Open &lt;ul&gt;/&lt;ol&gt; elements and the marker the next &lt;li&gt; gets.</summary>
internal sealed class ListNesting
{
    private readonly List<(bool Ordered, int Next)> _open = [];

    public int Depth => _open.Count;

    public void Open(bool ordered, int start) => _open.Add((ordered, start));

    public void Close()
    {
        if (_open.Count > 0)
        {
            _open.RemoveAt(_open.Count - 1);
        }
    }

    /// <summary>"- " or "3. ", indented two spaces per enclosing list; an &lt;li&gt; outside a list gets "- ".</summary>
    public string NextMarker()
    {
        var indent = new string(' ', 2 * Math.Clamp(_open.Count - 1, 0, TextLayout.MaxPrefixDepth));
        if (_open.Count == 0 || !_open[^1].Ordered)
        {
            return indent + "- ";
        }

        var (ordered, next) = _open[^1];
        _open[^1] = (ordered, next + 1);
        return indent + next.ToString(CultureInfo.InvariantCulture) + ". ";
    }
}
