using System.Collections;

namespace MailTicketing.Mime;

/// <summary>The header fields of a message or part, in order, duplicates kept.</summary>
public sealed class HeaderList : IReadOnlyList<Header>
{
    private readonly List<Header> _headers = [];

    public int Count => _headers.Count;

    public Header this[int index] => _headers[index];

    /// <summary>The decoded value of the first field with that name, or null.</summary>
    public string? this[string name] => Find(name)?.Value;

    public void Add(Header header) => _headers.Add(header);

    /// <summary>The first field with that name (case-insensitive), or null.</summary>
    public Header? Find(string name)
    {
        foreach (var header in _headers)
        {
            if (header.Is(name))
            {
                return header;
            }
        }

        return null;
    }

    /// <summary>Every field with that name, in order.</summary>
    public IEnumerable<Header> FindAll(string name) => _headers.Where(h => h.Is(name));

    public bool Contains(string name) => Find(name) is not null;

    public IEnumerator<Header> GetEnumerator() => _headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
