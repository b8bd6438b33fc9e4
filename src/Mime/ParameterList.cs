using System.Collections;

namespace MailTicketing.Mime;

/// <summary>
/// Content-Type / Content-Disposition parameters, already decoded: RFC 2231 continuations
/// joined and charsets applied, RFC 2047 words (common though not allowed here) decoded.
/// Names are case-insensitive; the first occurrence of a duplicate wins.
/// </summary>
public sealed class ParameterList : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public int Count => _items.Count;

    public string? this[string name]
    {
        get
        {
            foreach (var item in _items)
            {
                if (item.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return item.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Adds a parameter unless one of that name is already present.</summary>
    public bool TryAdd(string name, string value)
    {
        if (this[name] is not null)
        {
            return false;
        }

        _items.Add(new(name.ToLowerInvariant(), value));
        return true;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
