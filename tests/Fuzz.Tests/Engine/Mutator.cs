using System.Text;

namespace MailTicketing.Fuzz.Tests.Engine;

/// <summary>
/// Makes a new message from a corpus message by stacking a few mutations: generic byte-level
/// ones (flips, inserts, deletes, repeats) and ones aimed at what a MIME reader trusts: header
/// lines, boundaries, charsets, transfer encodings, encoded words, line endings, nesting.
/// Everything comes from the <see cref="Random"/> it is given, so a seed reproduces the input.
/// </summary>
internal sealed class Mutator(IReadOnlyList<byte[]> corpus, int maxSize)
{
    // Tokens a MIME reader reacts to; inserting them is far likelier to reach a new branch than random bytes.
    private static readonly string[] Tokens =
    [
        "\r\n", "\n", "\r", "\r\n\r\n", "\n\n", "\0", "--", "=?", "?=", "=?utf-8?B?", "=?gb2312?Q?", "?B?", "?Q?", "=\r\n", "=0D=0A", "==",
        ";", ":", "\"", "\\", "(", ")", "<", ">", "@", ",", "*0*=", "*1=", "''", "%", " boundary=", " charset=", " name=", " filename*=utf-8''",
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n", "Content-Type: message/rfc822\r\n", "Content-Transfer-Encoding: base64\r\n",
        "Content-Transfer-Encoding: quoted-printable\r\n", "Content-Disposition: attachment; filename=\"../../etc/passwd\"\r\n",
        "begin 644 x\r\n", "\r\nend\r\n", "From ", ">From ", "\t", " ", "\u00ff", "\u202e", "\ufeff", "<script>", "'; DROP TABLE tickets;--",
    ];

    private static readonly string[] Charsets =
    [
        "utf-8", "utf-7", "unicode-1-1-utf-7", "uft-8", "x-unknown", "gb2312", "gbk", "gb18030", "big5", "ks_c_5601-1987", "windows-874",
        "iso-2022-jp", "utf-16", "utf-32", "utf-16le", "", "\"\"", "us-ascii", "iso-8859-1", "koi8-r", "windows-1252", "x-user-defined", "\"utf-8",
    ];

    private static readonly string[] Encodings =
    [
        "base64", "quoted-printable", "7bit", "8bit", "binary", "x-uuencode", "uuencode", "x-gzip", "BASE64", "base-64", "", "quoted-printable; x=y",
    ];

    private static readonly string[] MediaTypes =
    [
        "multipart/mixed", "multipart/alternative", "multipart/related", "multipart/report; report-type=delivery-status", "multipart/digest",
        "multipart/signed", "message/rfc822", "message/delivery-status", "message/partial; id=x; number=1", "text/html", "text/plain",
        "application/octet-stream", "application/ms-tnef", "text/rfc822-headers", "multipart/", "/", "", "x", "text/plain; format=flowed; delsp=yes",
    ];

    public delegate void Mutation(Random random, List<byte> data);

    /// <summary>Every mutation by name; the names are written beside a failing input.</summary>
    public IReadOnlyList<(string Name, Mutation Apply)> Mutations =>
    [
        ("flip-bits", FlipBits),
        ("insert-bytes", InsertBytes),
        ("insert-token", InsertToken),
        ("delete-range", DeleteRange),
        ("duplicate-line", DuplicateLine),
        ("truncate", Truncate),
        ("truncate-line", TruncateLine),
        ("splice-headers", SpliceHeaders),
        ("cross-over", CrossOver),
        ("boundary", MutateBoundary),
        ("charset", MutateCharset),
        ("transfer-encoding", MutateTransferEncoding),
        ("content-type", MutateContentType),
        ("encoded-word", InsertEncodedWord),
        ("line-endings", MutateLineEndings),
        ("huge-repeat", HugeRepeat),
        ("wrap-multipart", WrapInMultipart),
        ("fold-header", FoldHeader),
    ];

    /// <summary>A mutated copy of <paramref name="seed"/>; the names of the mutations applied go to <paramref name="applied"/>.</summary>
    public byte[] Mutate(Random random, byte[] seed, List<string> applied)
    {
        var data = new List<byte>(seed);
        var count = 1 + random.Next(4);
        var mutations = Mutations;
        for (var i = 0; i < count; i++)
        {
            var (name, apply) = mutations[random.Next(mutations.Count)];
            apply(random, data);
            applied.Add(name);
            if (data.Count > maxSize)
            {
                data.RemoveRange(maxSize, data.Count - maxSize);
                applied.Add("cut-to-max-size");
            }
        }

        return [.. data];
    }

    private static void FlipBits(Random random, List<byte> data)
    {
        if (data.Count == 0)
        {
            data.Add((byte)random.Next(256));
            return;
        }

        for (var i = 1 + random.Next(8); i > 0; i--)
        {
            var at = random.Next(data.Count);
            data[at] ^= (byte)(1 << random.Next(8));
        }
    }

    private static void InsertBytes(Random random, List<byte> data)
    {
        var bytes = new byte[1 + random.Next(16)];
        random.NextBytes(bytes);
        data.InsertRange(random.Next(data.Count + 1), bytes);
    }

    private static void InsertToken(Random random, List<byte> data)
    {
        var token = Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]);
        data.InsertRange(random.Next(data.Count + 1), token);
    }

    private static void DeleteRange(Random random, List<byte> data)
    {
        if (data.Count == 0)
        {
            return;
        }

        var at = random.Next(data.Count);
        var length = Math.Min(data.Count - at, 1 + random.Next(random.Next(2) == 0 ? 8 : 512));
        data.RemoveRange(at, length);
    }

    private static void DuplicateLine(Random random, List<byte> data)
    {
        if (PickLine(random, data) is not (var start, var end))
        {
            return;
        }

        var line = data.GetRange(start, end - start);
        var copies = random.Next(4) == 0 ? 1 + random.Next(200) : 1;
        for (var i = 0; i < copies; i++)
        {
            data.InsertRange(end, line);
        }
    }

    private static void Truncate(Random random, List<byte> data)
    {
        if (data.Count > 0)
        {
            var at = random.Next(data.Count);
            data.RemoveRange(at, data.Count - at);
        }
    }

    private static void TruncateLine(Random random, List<byte> data)
    {
        if (PickLine(random, data) is (var start, var end) && end - start > 1)
        {
            // Keeps a prefix of the line and drops its ending too, joining it to the next.
            var keep = random.Next(end - start);
            data.RemoveRange(start + keep, end - start - keep);
        }
    }

    /// <summary>Header lines of another corpus message inserted into this one's header block.</summary>
    private void SpliceHeaders(Random random, List<byte> data)
    {
        var donor = corpus[random.Next(corpus.Count)];
        var donorHeaderEnd = HeaderEnd(donor);
        if (donorHeaderEnd <= 0)
        {
            return;
        }

        var from = random.Next(donorHeaderEnd);
        from = LineStart(donor, from);
        var length = Math.Min(donorHeaderEnd - from, 1 + random.Next(2048));
        var at = LineStart(data, random.Next(Math.Max(1, HeaderEnd(data)) + 1));
        data.InsertRange(at, donor.AsSpan(from, length).ToArray());
    }

    /// <summary>The start of this message joined to the rest of another (headers of one, body of the other, or mid-part).</summary>
    private void CrossOver(Random random, List<byte> data)
    {
        var donor = corpus[random.Next(corpus.Count)];
        var keep = data.Count == 0 ? 0 : random.Next(data.Count + 1);
        var from = donor.Length == 0 ? 0 : random.Next(donor.Length);
        data.RemoveRange(keep, data.Count - keep);
        data.AddRange(donor.AsSpan(from).ToArray());
    }

    private static void MutateBoundary(Random random, List<byte> data)
    {
        var text = Latin1(data);
        var at = text.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            InsertLineAt(random, data, "--" + RandomWord(random) + (random.Next(2) == 0 ? "--" : ""));
            return;
        }

        var valueStart = at + "boundary=".Length;
        var quoted = valueStart < text.Length && text[valueStart] == '"';
        var valueEnd = quoted ? text.IndexOf('"', valueStart + 1) : text.IndexOfAny([';', '\r', '\n', ' '], valueStart);
        valueEnd = valueEnd < 0 ? text.Length : valueEnd + (quoted ? 1 : 0);
        var boundary = text[valueStart..valueEnd].Trim('"');
        switch (random.Next(6))
        {
            case 0:
                // The declared boundary changes; the delimiter lines no longer match it.
                Replace(data, valueStart, valueEnd - valueStart, random.Next(2) == 0 ? "" : "\"" + RandomWord(random) + "\"");
                break;
            case 1:
                RemoveLinesStartingWith(data, "--" + boundary, random);
                break;
            case 2:
                InsertLineAt(random, data, "--" + boundary + (random.Next(2) == 0 ? "--" : ""));
                break;
            case 3:
                // A boundary that is a prefix of the real one, or the real one with a suffix.
                InsertLineAt(random, data, "--" + (boundary.Length > 1 ? boundary[..random.Next(1, boundary.Length)] : boundary) + "x");
                break;
            case 4:
                Replace(data, valueStart, valueEnd - valueStart, "\"" + new string('b', 71 + random.Next(2000)) + "\"");
                break;
            default:
                // The same boundary nested again: a child that reuses its parent's delimiter.
                InsertLineAt(random, data, "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary);
                break;
        }
    }

    private static void MutateCharset(Random random, List<byte> data) =>
        ReplaceParameter(random, data, "charset=", Charsets[random.Next(Charsets.Length)]);

    private static void MutateTransferEncoding(Random random, List<byte> data) =>
        ReplaceParameter(random, data, "Content-Transfer-Encoding:", " " + Encodings[random.Next(Encodings.Length)]);

    private static void MutateContentType(Random random, List<byte> data) =>
        ReplaceParameter(random, data, "Content-Type:", " " + MediaTypes[random.Next(MediaTypes.Length)] + (random.Next(2) == 0 ? "; boundary=\"b\"" : ""));

    private static void InsertEncodedWord(Random random, List<byte> data)
    {
        var payload = new byte[random.Next(40)];
        random.NextBytes(payload);
        var word = random.Next(3) switch
        {
            0 => $"=?{Charsets[random.Next(Charsets.Length)]}?B?{Convert.ToBase64String(payload)}?=",
            1 => $"=?{Charsets[random.Next(Charsets.Length)]}?Q?{string.Concat(payload.Select(b => $"={b:X2}"))}?=",
            _ => $"=?utf-8?B?{Convert.ToBase64String(payload)[..Math.Max(0, Convert.ToBase64String(payload).Length - 1 - random.Next(3))]}",
        };
        var headerEnd = Math.Max(0, HeaderEnd(data));
        data.InsertRange(random.Next(headerEnd + 1), Encoding.ASCII.GetBytes(word));
    }

    private static void MutateLineEndings(Random random, List<byte> data)
    {
        var text = Latin1(data);
        var replaced = random.Next(4) switch
        {
            0 => text.Replace("\r\n", "\n", StringComparison.Ordinal),
            1 => text.Replace("\r\n", "\r", StringComparison.Ordinal).Replace('\n', '\r'),
            2 => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal).Replace("\r\n", "\r\r\n", StringComparison.Ordinal),
            _ => text.Replace("\r\n", "\n\r", StringComparison.Ordinal),
        };
        data.Clear();
        data.AddRange(Encoding.Latin1.GetBytes(replaced));
    }

    /// <summary>A chunk repeated until the message is large (bounded by the size limit): long lines, long headers, many parts.</summary>
    private void HugeRepeat(Random random, List<byte> data)
    {
        byte[] chunk;
        if (data.Count > 0 && random.Next(2) == 0)
        {
            var at = random.Next(data.Count);
            chunk = data.GetRange(at, Math.Min(data.Count - at, 1 + random.Next(64))).ToArray();
        }
        else
        {
            chunk = Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]);
        }

        var room = Math.Max(0, maxSize - data.Count);
        var target = Math.Min(room, 1024 << random.Next(10));
        var repeated = new List<byte>(target);
        while (repeated.Count + chunk.Length <= target)
        {
            repeated.AddRange(chunk);
        }

        data.InsertRange(random.Next(data.Count + 1), repeated);
    }

    /// <summary>The whole message becomes the only part of a new multipart (or an attached message), several levels deep.</summary>
    private void WrapInMultipart(Random random, List<byte> data)
    {
        var levels = 1 + random.Next(random.Next(4) == 0 ? 200 : 5);
        for (var i = 0; i < levels && data.Count < maxSize; i++)
        {
            var boundary = random.Next(3) == 0 ? "b" : "b" + i;
            var prefix = random.Next(3) == 0
                ? "From: a@b.example\r\nContent-Type: message/rfc822\r\n\r\n"
                : $"From: a@b.example\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n--{boundary}\r\n";
            var suffix = prefix.Contains("multipart", StringComparison.Ordinal) && random.Next(2) == 0 ? $"\r\n--{boundary}--\r\n" : "";
            data.InsertRange(0, Encoding.ASCII.GetBytes(prefix));
            data.AddRange(Encoding.ASCII.GetBytes(suffix));
        }
    }

    private static void FoldHeader(Random random, List<byte> data)
    {
        var headerEnd = HeaderEnd(data);
        if (headerEnd <= 0)
        {
            return;
        }

        // Folding whitespace where a reader may not expect it, or a continuation line with no header before it.
        var at = random.Next(headerEnd);
        var fold = random.Next(3) switch
        {
            0 => "\r\n ",
            1 => "\r\n\t\r\n ",
            _ => "\r\n " + new string(' ', random.Next(5000)),
        };
        data.InsertRange(at, Encoding.ASCII.GetBytes(fold));
    }

    /// <summary>The value after <paramref name="name"/> (to the end of its line or the next ';') replaced, or the field added at a line start.</summary>
    private static void ReplaceParameter(Random random, List<byte> data, string name, string value)
    {
        var text = Latin1(data);
        var matches = new List<int>();
        for (var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            matches.Add(at);
        }

        if (matches.Count == 0)
        {
            var field = name.EndsWith(':') ? name + value : "Content-Type: text/plain; " + name + value;
            InsertLineAt(random, data, field);
            return;
        }

        var start = matches[random.Next(matches.Count)] + name.Length;
        var end = text.IndexOfAny(name.EndsWith(':') ? ['\r', '\n'] : [';', '\r', '\n'], start);
        Replace(data, start, (end < 0 ? text.Length : end) - start, value);
    }

    private static void InsertLineAt(Random random, List<byte> data, string line)
    {
        var at = LineStart(data, data.Count == 0 ? 0 : random.Next(data.Count + 1));
        data.InsertRange(at, Encoding.UTF8.GetBytes(line + "\r\n"));
    }

    private static void RemoveLinesStartingWith(List<byte> data, string prefix, Random random)
    {
        var text = Latin1(data);
        var lines = text.Split('\n');
        var kept = lines.Where(l => !l.StartsWith(prefix, StringComparison.Ordinal) || random.Next(2) == 0);
        data.Clear();
        data.AddRange(Encoding.Latin1.GetBytes(string.Join('\n', kept)));
    }

    private static void Replace(List<byte> data, int start, int length, string value)
    {
        data.RemoveRange(start, length);
        data.InsertRange(start, Encoding.UTF8.GetBytes(value));
    }

    private static (int Start, int End)? PickLine(Random random, List<byte> data)
    {
        if (data.Count == 0)
        {
            return null;
        }

        var start = LineStart(data, random.Next(data.Count));
        var end = data.IndexOf((byte)'\n', start);
        return (start, end < 0 ? data.Count : end + 1);
    }

    private static int LineStart(IReadOnlyList<byte> data, int at)
    {
        at = Math.Min(at, data.Count);
        while (at > 0 && data[at - 1] != '\n')
        {
            at--;
        }

        return at;
    }

    /// <summary>Where the first blank line (end of the header block) starts; the whole length when there is none.</summary>
    private static int HeaderEnd(IReadOnlyList<byte> data)
    {
        for (var i = 0; i + 1 < data.Count; i++)
        {
            if (data[i] == '\n' && (data[i + 1] == '\n' || (data[i + 1] == '\r' && i + 2 < data.Count && data[i + 2] == '\n')))
            {
                return i + 1;
            }
        }

        return data.Count;
    }

    private static string Latin1(List<byte> data) => Encoding.Latin1.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data));

    private static string RandomWord(Random random)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789'()+_,-./:=? ";
        var chars = new char[1 + random.Next(70)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
