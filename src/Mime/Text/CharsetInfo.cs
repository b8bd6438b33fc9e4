using System.Text;

namespace MailTicketing.Mime.Text;

/// <summary>How a charset behaves, which decides how its claims are checked.</summary>
internal enum CharsetKind
{
    Utf8,
    /// <summary>US-ASCII: decoded as UTF-8, because 8-bit bytes under an ASCII label are usually UTF-8.</summary>
    Ascii,
    SingleByte,
    /// <summary>Stateless multi-byte CJK charsets (GB18030, Big5, Shift_JIS, EUC-*).</summary>
    MultiByte,
    /// <summary>7-bit stateful encodings (ISO-2022-*, HZ, UTF-7): ASCII bytes are not necessarily ASCII text.</summary>
    Stateful,
    /// <summary>UTF-16 / UTF-32.</summary>
    Wide,
}

/// <summary>A resolved charset: the decoder to use and the canonical name to report.</summary>
internal sealed class CharsetInfo
{
    public CharsetInfo(string name, Encoding encoding, CharsetKind kind)
    {
        Name = name;
        Encoding = encoding;
        Kind = kind;
    }

    public string Name { get; }

    /// <summary>Decodes invalid input to U+FFFD (never '?'), so errors can be counted.</summary>
    public Encoding Encoding { get; }

    public CharsetKind Kind { get; }

    /// <summary>Pure 7-bit input decodes to the same ASCII text.</summary>
    public bool AsciiCompatible => Kind is CharsetKind.Utf8 or CharsetKind.Ascii or CharsetKind.SingleByte or CharsetKind.MultiByte;
}
