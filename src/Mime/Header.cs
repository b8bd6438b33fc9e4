using System.Text;
using MailTicketing.Mime.Text;

namespace MailTicketing.Mime;

/// <summary>
/// One header field as it was received. The raw value keeps its folding and encoded words;
/// <see cref="Value"/> decodes lazily (unfolded, RFC 2047 decoded, 8-bit text decoded).
/// </summary>
public sealed class Header
{
    private string? _value;

    public Header(string name, byte[] rawValue, long offset = -1)
    {
        Name = name;
        RawValue = rawValue;
        Offset = offset;
    }

    /// <summary>Creates a header from an already decoded value (for tests and synthetic headers).</summary>
    public Header(string name, string value)
        : this(name, Encoding.UTF8.GetBytes(value))
    {
    }

    /// <summary>The field name as written (case kept; compare with <see cref="Is"/>).</summary>
    public string Name { get; }

    /// <summary>The bytes after the colon, folding included, untouched.</summary>
    public byte[] RawValue { get; }

    /// <summary>Byte offset of the field in its message, or -1 for synthetic headers.</summary>
    public long Offset { get; }

    /// <summary>The unfolded, decoded value, trimmed; 8-bit text decoded as UTF-8 or guessed.</summary>
    public string Value => _value ??= Rfc2047.DecodeText(RawValue).Trim();

    /// <summary>Decodes the value with a fallback charset for raw 8-bit bytes (the part's declared charset, say).</summary>
    public string GetValue(string? fallbackCharset) =>
        fallbackCharset is null ? Value : Rfc2047.DecodeText(RawValue, fallbackCharset).Trim();

    public bool Is(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Name}: {Value}";
}
