using System.Text;

namespace MailTicketing.Mime.Html;

/// <summary>
/// Builds the plain text. Line breaks, spaces and cell separators are only requested and are
/// written lazily before the next visible character, which is how runs of block boundaries
/// collapse and the text never starts or ends with blank lines.
/// </summary>
internal sealed class TextLayout
{
    // Deeper quoting or list nesting than this adds no more prefix, so hostile nesting cannot
    // make the output grow faster than the input.
    public const int MaxPrefixDepth = 8;

    private readonly StringBuilder _text;
    private int _newlinesWanted;
    private bool _spaceWanted;
    private bool _spaceHasLineBreak;
    private bool _separatorWanted;
    private bool _lineHasOnlyPrefix;
    private bool _atLineStart = true;
    // No-break spaces wait here: they show only before visible text, or as the sole content of a
    // line (Outlook's blank "<p>&nbsp;</p>"); at the end of a cell or line they are dropped.
    private int _hardSpaces;

    public TextLayout(int capacity) => _text = new StringBuilder(capacity);

    public int QuoteDepth { get; set; }

    /// <summary>Where the next visible character will go (before pending breaks are written).</summary>
    public int Position => _text.Length;

    public string TextSince(int position) => _text.ToString(position, _text.Length - position);

    /// <summary>A character of normal text: whitespace collapses as in a browser.</summary>
    public void Char(char c)
    {
        switch (c)
        {
            case ' ' or '\t' or '\f':
                _spaceWanted = true;
                break;
            case '\n' or '\r':
                _spaceWanted = true;
                _spaceHasLineBreak = true;
                break;
            default:
                Visible(c);
                break;
        }
    }

    /// <summary>A character inside &lt;pre&gt;: whitespace is kept.</summary>
    public void PreChar(char c)
    {
        if (c == '\n')
        {
            LineBreak();
        }
        else if (c is ' ' or '\t')
        {
            Materialize(c);
            _text.Append(c);
        }
        else
        {
            Visible(c);
        }
    }

    /// <summary>Inline text written as a unit, e.g. "[alt]" or "&lt;url&gt;".</summary>
    public void Content(string s)
    {
        if (s.Length == 0)
        {
            return;
        }

        Materialize(s[0]);
        _text.Append(s);
        _lineHasOnlyPrefix = false;
    }

    /// <summary>Text glued to what was written last, ignoring pending breaks (a link's target).</summary>
    public void AppendToLast(string s) => _text.Append(s);

    /// <summary>A list marker: block starts that follow stay on its line, as browsers render &lt;li&gt;&lt;p&gt;.</summary>
    public void Prefix(string s)
    {
        Materialize(s[0]);
        _text.Append(s);
        _lineHasOnlyPrefix = true;
    }

    public void LineBreak()
    {
        EndOfLineHardSpaces();
        // Two are enough: one blank line is the most we ever show.
        _newlinesWanted = Math.Min(_newlinesWanted + 1, 2);
        _lineHasOnlyPrefix = false;
    }

    public void EnsureLineStart() => Want(1);

    public void EnsureBlankLine() => Want(2);

    /// <summary>A table cell starts: separate it from a previous cell on the same line.</summary>
    public void CellStart()
    {
        _hardSpaces = 0;
        if (_newlinesWanted == 0 && !_atLineStart)
        {
            _separatorWanted = true;
        }
    }

    public override string ToString() => Finish(_text);

    private void Want(int newlines)
    {
        EndOfLineHardSpaces();
        if (!_lineHasOnlyPrefix)
        {
            _newlinesWanted = Math.Max(_newlinesWanted, newlines);
        }
    }

    private void Visible(char c)
    {
        // Soft hyphens and zero-width characters would split identifiers a reader can see whole.
        if (c is '\u00AD' or '\u200B' or '\u200C' or '\u2060' or '\uFEFF' || (char.IsControl(c) && c != '\t'))
        {
            return;
        }

        if (c == '\u00A0')
        {
            // A no-break space does not collapse, but in the text it is a plain space.
            _hardSpaces++;
            return;
        }

        Materialize(c);
        _text.Append(c);
        _lineHasOnlyPrefix = false;
    }

    private void EndOfLineHardSpaces()
    {
        if (_hardSpaces > 0 && (_newlinesWanted > 0 || _atLineStart))
        {
            // The line holds nothing else: keep it as an (empty-looking) line of its own.
            Materialize(' ');
        }

        _hardSpaces = 0;
    }

    private void Materialize(char next)
    {
        if (_text.Length > 0)
        {
            if (_newlinesWanted > 0)
            {
                _text.Append('\n', _newlinesWanted);
                _atLineStart = true;
            }
            else if (_separatorWanted)
            {
                _text.Append(" | ");
                // Leading no-break spaces in a cell are padding, not content.
                _hardSpaces = 0;
            }
            else if (_spaceWanted && !_atLineStart && !IsSpace(_text[^1])
                && !(_spaceHasLineBreak && IsWideCjk(_text[^1]) && IsWideCjk(next)))
            {
                // CSS Text 3 §4.1.3: a line break between two CJK characters is removed, not spaced.
                _text.Append(' ');
            }
        }

        if (_atLineStart && QuoteDepth > 0)
        {
            _text.Insert(_text.Length, "> ", Math.Min(QuoteDepth, MaxPrefixDepth));
        }

        _text.Append(' ', _hardSpaces);
        _hardSpaces = 0;

        _newlinesWanted = 0;
        _spaceWanted = false;
        _spaceHasLineBreak = false;
        _separatorWanted = false;
        _atLineStart = false;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n';

    private static bool IsWideCjk(char c) => c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFF60');

    // Trims trailing spaces per line and keeps at most one blank line in a row.
    private static string Finish(StringBuilder text)
    {
        var source = text.ToString();
        var result = new StringBuilder(source.Length);
        var blankLines = 0;
        foreach (var range in source.AsSpan().Split('\n'))
        {
            var line = source.AsSpan(range).TrimEnd(" \t");
            if (line.IsEmpty)
            {
                blankLines++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append('\n', blankLines > 0 ? 2 : 1);
            }

            result.Append(line);
            blankLines = 0;
        }

        return result.ToString();
    }
}
