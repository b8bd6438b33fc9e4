using System.Globalization;
using System.Text.RegularExpressions;
using MailTicketing.Imap.Protocol;

namespace MailTicketing.Imap;

/// <summary>
/// Search criteria for UID SEARCH (RFC 3501 §6.4.4). Strings are always sent quoted, or as
/// literals with CHARSET UTF-8 when they are not ASCII; criteria combine with <see cref="And"/>.
/// </summary>
public sealed partial class ImapSearchQuery
{
    private readonly IReadOnlyList<Action<ImapCommandBuilder>> _terms;

    private ImapSearchQuery(IReadOnlyList<Action<ImapCommandBuilder>> terms, bool needsUtf8, ImapUid? minimumUid)
    {
        _terms = terms;
        NeedsUtf8 = needsUtf8;
        MinimumUid = minimumUid;
    }

    public static ImapSearchQuery All { get; } = Keyword("ALL");

    public static ImapSearchQuery Unseen { get; } = Keyword("UNSEEN");

    /// <summary>True when a string argument needs CHARSET UTF-8.</summary>
    internal bool NeedsUtf8 { get; }

    /// <summary>UIDs below this are dropped from the answer ("n:*" also matches the highest UID below n).</summary>
    internal ImapUid? MinimumUid { get; }

    /// <summary>UID first:* — every message from <paramref name="first"/> up.</summary>
    public static ImapSearchQuery UidFrom(ImapUid first) =>
        new([b => b.Raw("UID " + ImapUidSet.From(first))], false, first);

    public static ImapSearchQuery Uids(ImapUidSet uids) => new([b => b.Raw("UID " + uids)], false, uids.OpenFrom);

    public static ImapSearchQuery Header(string field, string value) => Raw("HEADER {0} {1}", field, value);

    public static ImapSearchQuery Subject(string text) => Raw("SUBJECT {0}", text);

    public static ImapSearchQuery From(string text) => Raw("FROM {0}", text);

    public static ImapSearchQuery Since(DateOnly date) =>
        Keyword("SINCE " + date.ToString("d-MMM-yyyy", CultureInfo.InvariantCulture));

    /// <summary>
    /// Criteria written by hand, e.g. <c>Raw("OR FROM {0} SUBJECT {1}", sender, subject)</c>:
    /// the text goes out as written, each {n} becomes its argument as a quoted string or a literal.
    /// </summary>
    public static ImapSearchQuery Raw(string criteria, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Any(c => c is '\r' or '\n' || c > '~'))
        {
            throw new ArgumentException("search criteria are ASCII on one line; pass other text as arguments", nameof(criteria));
        }

        var terms = new List<Action<ImapCommandBuilder>>();
        var position = 0;
        foreach (Match placeholder in Placeholder().Matches(criteria))
        {
            var index = int.Parse(placeholder.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            if (index >= arguments.Length)
            {
                throw new ArgumentException($"criteria refer to argument {{{index}}} but {arguments.Length} were given", nameof(arguments));
            }

            var text = criteria[position..placeholder.Index];
            var argument = arguments[index];
            terms.Add(b => b.Raw(text).Quoted(argument));
            position = placeholder.Index + placeholder.Length;
        }

        var rest = criteria[position..];
        terms.Add(b => b.Raw(rest));
        return new(terms, arguments.Any(a => a.Any(c => c > '~')), null);
    }

    /// <summary>Both this and <paramref name="other"/> must match.</summary>
    public ImapSearchQuery And(ImapSearchQuery other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ImapUid? minimum = MinimumUid is { } a && other.MinimumUid is { } b ? (a > b ? a : b) : MinimumUid ?? other.MinimumUid;
        return new([.. _terms, static b => b.Raw(" "), .. other._terms], NeedsUtf8 || other.NeedsUtf8, minimum);
    }

    internal void WriteTo(ImapCommandBuilder builder)
    {
        foreach (var term in _terms)
        {
            term(builder);
        }
    }

    private static ImapSearchQuery Keyword(string text) => new([b => b.Raw(text)], false, null);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
