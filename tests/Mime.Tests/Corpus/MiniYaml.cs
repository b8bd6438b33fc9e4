using System.Text;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// Reads the YAML that Ruby's Psych wrote for Zammad's expected results: block mappings and
/// sequences, plain, quoted and block scalars (| and >, with chomping and indentation
/// indicators), tags (ignored, except !binary which yields bytes). Not a YAML parser: no
/// anchors, aliases, flow collections beyond [] and {}, or multi-document streams.
/// Mappings come back as Dictionary&lt;string, object?&gt;, sequences as List&lt;object?&gt;,
/// scalars as string, binary scalars as byte[].
/// </summary>
internal sealed class MiniYaml
{
    private readonly List<string> _lines;
    private int _index;

    private MiniYaml(string text)
    {
        _lines = [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')];
    }

    public static object? Parse(string text)
    {
        var reader = new MiniYaml(text);
        reader.SkipBlank();
        if (reader._index < reader._lines.Count && reader._lines[reader._index].StartsWith("---", StringComparison.Ordinal))
        {
            reader._index++;
        }

        return reader.ParseNode(0);
    }

    private object? ParseNode(int minIndent)
    {
        SkipBlank();
        if (_index >= _lines.Count)
        {
            return null;
        }

        var indent = Indent(_lines[_index]);
        if (indent < minIndent)
        {
            return null;
        }

        return IsSequenceItem(_lines[_index].TrimStart(' ')) ? ParseSequence(indent) : ParseMapping(indent);
    }

    private Dictionary<string, object?> ParseMapping(int indent)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipBlank();
            if (_index >= _lines.Count || Indent(_lines[_index]) != indent)
            {
                return map;
            }

            var text = _lines[_index][indent..];
            if (IsSequenceItem(text))
            {
                return map;
            }

            var (key, rest) = SplitKey(text);
            _index++;
            map[key] = ParseValue(rest, indent);
        }
    }

    private List<object?> ParseSequence(int indent)
    {
        var list = new List<object?>();
        while (true)
        {
            SkipBlank();
            if (_index >= _lines.Count || Indent(_lines[_index]) != indent || !IsSequenceItem(_lines[_index][indent..]))
            {
                return list;
            }

            var rest = _lines[_index][(indent + 1)..].TrimStart(' ');
            var (tag, afterTag) = SplitTag(rest);
            if (afterTag.Length == 0)
            {
                _index++;
                list.Add(ParseNode(indent + 1));
            }
            else if (LooksLikeKey(afterTag))
            {
                // "- key: value" starts a mapping indented as far as the key.
                var itemIndent = _lines[_index].Length - rest.Length;
                _lines[_index] = new string(' ', itemIndent) + rest;
                list.Add(ParseMapping(itemIndent));
            }
            else
            {
                _index++;
                list.Add(ParseScalar(tag, afterTag, indent));
            }
        }
    }

    private object? ParseValue(string rest, int indent)
    {
        var (tag, value) = SplitTag(rest);
        if (value.Length == 0)
        {
            SkipBlank();
            if (_index < _lines.Count && Indent(_lines[_index]) == indent && IsSequenceItem(_lines[_index][indent..]))
            {
                // Psych writes a mapping's sequence at the key's own indentation.
                return ParseSequence(indent);
            }

            return ParseNode(indent + 1) ?? (tag is null ? null : "");
        }

        return ParseScalar(tag, value, indent);
    }

    private object ParseScalar(string? tag, string value, int indent)
    {
        string text = value switch
        {
            "[]" or "{}" => "",
            _ when value[0] is '|' or '>' => ReadBlock(value, indent),
            _ when value[0] == '\'' => ReadQuoted(value, '\''),
            _ when value[0] == '"' => ReadQuoted(value, '"'),
            _ => ReadPlain(value, indent),
        };
        if (value == "[]")
        {
            return new List<object?>();
        }

        if (value == "{}")
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        return tag == "!binary" ? Convert.FromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c)))) : text;
    }

    /// <summary>A literal (|) or folded (>) block; indicators for chomping (+, -) and indentation (a digit) in either order.</summary>
    private string ReadBlock(string header, int indent)
    {
        var folded = header[0] == '>';
        var chomping = header.Contains('-') ? '-' : header.Contains('+') ? '+' : ' ';
        var digit = header.FirstOrDefault(char.IsDigit);
        var contentIndent = digit == default ? -1 : indent + (digit - '0');

        var lines = new List<string>();
        while (_index < _lines.Count)
        {
            var line = _lines[_index];
            if (line.Trim().Length == 0)
            {
                lines.Add("");
                _index++;
                continue;
            }

            var lineIndent = Indent(line);
            if (lineIndent <= indent)
            {
                break;
            }

            contentIndent = contentIndent < 0 ? lineIndent : contentIndent;
            if (lineIndent < contentIndent)
            {
                break;
            }

            lines.Add(line[contentIndent..]);
            _index++;
        }

        // Empty lines at the end belong to the block only for keep chomping; they were read anyway.
        var trailing = 0;
        while (trailing < lines.Count && lines[^(trailing + 1)].Length == 0)
        {
            trailing++;
        }

        var body = lines.Take(lines.Count - trailing).ToList();
        var text = new StringBuilder();
        for (var i = 0; i < body.Count; i++)
        {
            if (i > 0)
            {
                var foldHere = folded && body[i - 1].Length > 0 && body[i].Length > 0 && body[i - 1][0] != ' ' && body[i][0] != ' ';
                text.Append(foldHere ? ' ' : '\n');
            }

            text.Append(body[i]);
        }

        return chomping switch
        {
            '-' => text.ToString(),
            '+' => body.Count == 0 ? new string('\n', trailing) : text.Append('\n', 1 + trailing).ToString(),
            _ => body.Count == 0 ? "" : text.Append('\n').ToString(),
        };
    }

    /// <summary>A quoted scalar, maybe over several lines: line breaks fold to a space, empty lines to a line break.</summary>
    private string ReadQuoted(string start, char quote)
    {
        // A quote cannot be escaped across a line break, so each line is searched on its own.
        var raw = new StringBuilder();
        var line = start[1..];
        int close;
        while ((close = ClosingIndex(line, quote)) < 0)
        {
            if (_index >= _lines.Count)
            {
                throw new FormatException("unterminated quoted scalar");
            }

            raw.Append(line).Append('\n');
            line = _lines[_index++];
        }

        var content = raw.Append(line, 0, close).ToString();
        var segments = content.Split('\n');
        var folded = new StringBuilder(segments.Length == 1 ? segments[0] : segments[0].TrimEnd(' ', '\t'));
        var emptyLines = 0;
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = i == segments.Length - 1 ? segments[i].TrimStart(' ', '\t') : segments[i].Trim(' ', '\t');
            if (segment.Length == 0 && i < segments.Length - 1)
            {
                emptyLines++;
                continue;
            }

            if (quote == '"' && EndsWithEscape(folded))
            {
                // An escaped line break joins the lines without a space.
                folded.Length--;
            }
            else if (emptyLines > 0)
            {
                folded.Append('\n', emptyLines);
            }
            else
            {
                folded.Append(' ');
            }

            emptyLines = 0;
            folded.Append(segment);
        }

        return quote == '\'' ? folded.ToString().Replace("''", "'", StringComparison.Ordinal) : Unescape(folded.ToString());
    }

    private static int ClosingIndex(string text, char quote)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return -1;
    }

    private static bool EndsWithEscape(StringBuilder text)
    {
        var backslashes = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var c = text[++i];
            switch (c)
            {
                case 'n': result.Append('\n'); break;
                case 't': result.Append('\t'); break;
                case 'r': result.Append('\r'); break;
                case '0': result.Append('\0'); break;
                case 'a': result.Append('\a'); break;
                case 'b': result.Append('\b'); break;
                case 'e': result.Append('\u001b'); break;
                case 'f': result.Append('\f'); break;
                case 'v': result.Append('\v'); break;
                case 'N': result.Append('\u0085'); break;
                case '_': result.Append('\u00a0'); break;
                case 'L': result.Append('\u2028'); break;
                case 'P': result.Append('\u2029'); break;
                case 'x': result.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16)); i += 2; break;
                case 'u': result.Append((char)Convert.ToInt32(text.Substring(i + 1, 4), 16)); i += 4; break;
                case 'U': result.Append(char.ConvertFromUtf32(Convert.ToInt32(text.Substring(i + 1, 8), 16))); i += 8; break;
                default: result.Append(c); break;
            }
        }

        return result.ToString();
    }

    /// <summary>A plain scalar; more-indented lines after it continue it, folded with spaces.</summary>
    private string ReadPlain(string value, int indent)
    {
        var text = new StringBuilder(value.TrimEnd());
        while (_index < _lines.Count && _lines[_index].Trim().Length > 0 && Indent(_lines[_index]) > indent)
        {
            text.Append(' ').Append(_lines[_index++].Trim());
        }

        return text.ToString();
    }

    private static (string Key, string Value) SplitKey(string text)
    {
        if (text[0] is '\'' or '"')
        {
            var close = ClosingIndex(text[1..], text[0]) + 1;
            var key = text[1..close];
            return (key, text[(close + 1)..].TrimStart(':').Trim());
        }

        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? (text[..colon], text[(colon + 2)..].Trim()) : (text.TrimEnd().TrimEnd(':'), "");
    }

    private static (string? Tag, string Value) SplitTag(string text)
    {
        if (!text.StartsWith('!'))
        {
            return (null, text.Trim());
        }

        var space = text.IndexOf(' ');
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }

    private static bool LooksLikeKey(string text) =>
        text[0] is not ('\'' or '"' or '|' or '>') && (text.Contains(": ", StringComparison.Ordinal) || text.EndsWith(':'));

    private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private void SkipBlank()
    {
        while (_index < _lines.Count && (_lines[_index].Trim().Length == 0 || _lines[_index].TrimStart().StartsWith('#')))
        {
            _index++;
        }
    }
}
