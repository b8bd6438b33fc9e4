using System.Globalization;
using System.Text;

namespace MailTicketing.Imap;

/// <summary>
/// A set of UIDs as IMAP writes it (RFC 3501 §9 sequence-set): ranges, single UIDs, and
/// optionally an open end ("n:*", every UID from n up). Immutable.
/// </summary>
public sealed class ImapUidSet
{
    // Sorted, non-overlapping, non-adjacent closed ranges.
    private readonly (uint First, uint Last)[] _ranges;

    private ImapUidSet((uint First, uint Last)[] ranges, uint? openFrom)
    {
        _ranges = ranges;
        OpenFrom = openFrom is { } from ? new ImapUid(from) : null;
    }

    /// <summary>For "n:*": the first UID of the open end.</summary>
    public ImapUid? OpenFrom { get; }

    /// <summary>True when the set names no UID at all.</summary>
    public bool IsEmpty => _ranges.Length == 0 && OpenFrom is null;

    /// <summary>
    /// Every UID from <paramref name="first"/> up ("first:*"). A server answers "n:*" with the
    /// highest message even when its UID is below n (RFC 3501 §6.4.8); the client drops such
    /// answers, so a caller gets only UIDs at or above <paramref name="first"/>.
    /// </summary>
    public static ImapUidSet From(ImapUid first) => new([], first.Value);

    /// <summary>The closed range first..last.</summary>
    public static ImapUidSet Range(ImapUid first, ImapUid last)
    {
        if (last < first)
        {
            throw new ArgumentException($"range {first}:{last} ends before it starts", nameof(last));
        }

        return new([(first.Value, last.Value)], null);
    }

    public static ImapUidSet Of(params IEnumerable<ImapUid> uids)
    {
        ArgumentNullException.ThrowIfNull(uids);
        var values = uids.Select(u => u.Value).Distinct().Order().ToArray();
        var ranges = new List<(uint, uint)>();
        for (var i = 0; i < values.Length;)
        {
            var j = i;
            while (j + 1 < values.Length && values[j + 1] == values[j] + 1)
            {
                j++;
            }

            ranges.Add((values[i], values[j]));
            i = j + 1;
        }

        return new([.. ranges], null);
    }

    public bool Contains(ImapUid uid)
    {
        if (OpenFrom is { } from && uid >= from)
        {
            return true;
        }

        foreach (var (first, last) in _ranges)
        {
            if (uid.Value >= first && uid.Value <= last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The set in IMAP syntax, e.g. "1:4,7,10:*".</summary>
    public override string ToString() => string.Join(',', Format());

    /// <summary>
    /// The set cut into pieces of at most <paramref name="maxChars"/> characters each, so that a
    /// command stays under the line lengths servers accept (RFC 7162 §4 suggests 8192 octets).
    /// </summary>
    internal IEnumerable<string> Chunks(int maxChars)
    {
        var builder = new StringBuilder();
        foreach (var item in Format())
        {
            if (builder.Length > 0 && builder.Length + 1 + item.Length > maxChars)
            {
                yield return builder.ToString();
                builder.Clear();
            }

            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(item);
        }

        if (builder.Length > 0)
        {
            yield return builder.ToString();
        }
    }

    private IEnumerable<string> Format()
    {
        foreach (var (first, last) in _ranges)
        {
            yield return first == last
                ? first.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{first}:{last}");
        }

        if (OpenFrom is { } from)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{from.Value}:*");
        }
    }
}
