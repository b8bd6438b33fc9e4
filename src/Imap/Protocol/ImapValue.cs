using System.Globalization;

namespace MailTicketing.Imap.Protocol;

/// <summary>One value of a generically parsed response: an atom, a string, NIL or a list of values.</summary>
internal readonly record struct ImapValue(ImapValueKind Kind, string? Text = null, IReadOnlyList<ImapValue>? Items = null, long Length = 0)
{
    public static IReadOnlyList<ImapValue> EmptyList { get; } = [];

    public bool IsAtom(string value) => Kind == ImapValueKind.Atom && string.Equals(Text, value, StringComparison.OrdinalIgnoreCase);

    /// <summary>The items of a list; empty for anything else (tolerant: a missing list is an empty one).</summary>
    public IReadOnlyList<ImapValue> List => Items ?? EmptyList;

    /// <summary>The text of an atom or string; null for NIL and lists.</summary>
    public string? AsString() => Kind is ImapValueKind.Atom or ImapValueKind.String ? Text : null;

    public bool TryGetNumber(out uint value) =>
        uint.TryParse(AsString(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public override string ToString() => Kind switch
    {
        ImapValueKind.Atom => Text!,
        ImapValueKind.String => $"\"{Text}\"",
        ImapValueKind.Nil => "NIL",
        ImapValueKind.List => $"({string.Join(' ', List)})",
        ImapValueKind.Section => $"[{string.Join(' ', List)}]",
        _ => $"{{{Length}}}",
    };
}
