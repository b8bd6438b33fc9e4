using System.Text;

namespace MailTicketing.Mime.Writing;

/// <summary>
/// Builds one header field as physical lines. Values arrive as unbreakable tokens, each with the
/// whitespace that precedes it; a fold (CRLF) is inserted only before such whitespace (RFC 5322
/// §2.2.3), so unfolding gives back exactly the value that was appended. Lines stay within 78
/// characters unless a single token is longer, and never exceed 998.
/// </summary>
internal sealed class HeaderFolder
{
    public const int PreferredLength = 78;

    private readonly List<string> _lines = [];
    private readonly StringBuilder _line = new();
    private bool _lineHasValue;

    public HeaderFolder(string name)
    {
        _line.Append(name).Append(':');
    }

    public void AppendToken(string token, string whitespace = " ")
    {
        if (_lineHasValue && whitespace.Length > 0 && _line.Length + whitespace.Length + token.Length > PreferredLength)
        {
            Fold();
        }

        AppendRaw(whitespace, token);
    }

    /// <summary>
    /// Appends text as a run of encoded words. Whitespace between adjacent encoded words is
    /// ignored by decoders (RFC 2047 §6.2), so the single spaces put between them here do not
    /// change the decoded text.
    /// </summary>
    /// <param name="text">The text to encode.</param>
    /// <param name="whitespace">The whitespace before the first word.</param>
    /// <param name="fillLines">
    /// True: each word fills the room left on its line (unstructured text). False: words are as
    /// long as allowed and fold as a whole, giving the fewest words. Display names use that,
    /// because some parsers (Python's email before gh-128110) wrongly keep the space between
    /// adjacent encoded words in a phrase, and a short name should stay one word.
    /// </param>
    public void AppendEncodedWords(string text, string whitespace = " ", bool fillLines = true)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (!fillLines)
            {
                var word = EncodedWord.Take(text, ref index, EncodedWord.MaxBytesFor(EncodedWord.MaxLength));
                AppendToken(word, whitespace);
                whitespace = " ";
                continue;
            }

            var minimum = EncodedWord.LengthFor(EncodedWord.NextRuneLength(text, index));
            var room = PreferredLength - _line.Length - whitespace.Length;
            if (room < minimum && _lineHasValue && whitespace.Length > 0)
            {
                Fold();
                room = PreferredLength - whitespace.Length;
            }

            var length = Math.Min(EncodedWord.MaxLength, Math.Max(room, minimum));
            AppendRaw(whitespace, EncodedWord.Take(text, ref index, EncodedWord.MaxBytesFor(length)));
            whitespace = " ";
        }
    }

    public IReadOnlyList<string> ToLines()
    {
        var lines = new List<string>(_lines) { _line.ToString() };
        return lines;
    }

    public override string ToString() => string.Join("\r\n", ToLines());

    private void Fold()
    {
        _lines.Add(_line.ToString());
        _line.Clear();
        _lineHasValue = false;
    }

    private void AppendRaw(string whitespace, string token)
    {
        _line.Append(whitespace).Append(token);
        _lineHasValue = true;
        if (_line.Length > AsciiSink.MaxLineLength)
        {
            throw new ArgumentException($"A header value token is too long to write on one line ({token.Length} characters).");
        }
    }
}
