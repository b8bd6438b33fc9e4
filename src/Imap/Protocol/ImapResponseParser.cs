namespace MailTicketing.Imap.Protocol;

/// <summary>
/// Generic parsing on top of the tokenizer: values, lists, response codes and resp-text.
/// Used for every response the client does not stream, so an unknown response is read past
/// safely however many lists and literals it contains.
/// </summary>
internal static class ImapResponseParser
{
    private const int MaxDepth = 64;

    /// <summary>Reads every value up to the end of the line (consumed).</summary>
    public static async ValueTask<List<ImapValue>> ReadValuesToEndOfLineAsync(ImapReader reader)
    {
        var values = new List<ImapValue>();
        while (true)
        {
            var token = await reader.ReadTokenAsync().ConfigureAwait(false);
            if (token.Kind == ImapTokenKind.Eoln)
            {
                return values;
            }

            values.Add(await ReadValueAsync(reader, token, 0).ConfigureAwait(false));
        }
    }

    /// <summary>Reads the value that starts with <paramref name="token"/> (a list is read to its end).</summary>
    public static async ValueTask<ImapValue> ReadValueAsync(ImapReader reader, ImapToken token, int depth = 0)
    {
        switch (token.Kind)
        {
            case ImapTokenKind.Atom:
                return new ImapValue(ImapValueKind.Atom, token.Text);
            case ImapTokenKind.Asterisk:
                return new ImapValue(ImapValueKind.Atom, "*");
            case ImapTokenKind.QuotedString:
                return new ImapValue(ImapValueKind.String, token.Text);
            case ImapTokenKind.Nil:
                return new ImapValue(ImapValueKind.Nil);
            case ImapTokenKind.Literal:
                var text = await reader.ReadLiteralStringAsync().ConfigureAwait(false);
                return text is null
                    ? new ImapValue(ImapValueKind.SkippedLiteral, Length: token.LiteralLength)
                    : new ImapValue(ImapValueKind.String, text, Length: token.LiteralLength);
            case ImapTokenKind.OpenParen:
                return new ImapValue(ImapValueKind.List, Items: await ReadListAsync(reader, ImapTokenKind.CloseParen, depth).ConfigureAwait(false));
            case ImapTokenKind.OpenBracket:
                return new ImapValue(ImapValueKind.Section, Items: await ReadListAsync(reader, ImapTokenKind.CloseBracket, depth).ConfigureAwait(false));
            case ImapTokenKind.CloseParen or ImapTokenKind.CloseBracket:
                // A stray closer: keep it as an atom rather than give up on the connection.
                return new ImapValue(ImapValueKind.Atom, token.ToString());
            default:
                throw new ImapProtocolException($"unexpected {token} in the server response");
        }
    }

    /// <summary>Reads list items after the opening token, up to and including <paramref name="close"/>.</summary>
    public static async ValueTask<List<ImapValue>> ReadListAsync(ImapReader reader, ImapTokenKind close, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new ImapProtocolException($"the server response nests lists deeper than {MaxDepth}");
        }

        var items = new List<ImapValue>();
        while (true)
        {
            var token = await reader.ReadTokenAsync().ConfigureAwait(false);
            if (token.Kind == close)
            {
                return items;
            }

            if (token.Kind == ImapTokenKind.Eoln)
            {
                throw new ImapProtocolException($"the server response ends inside a {(close == ImapTokenKind.CloseParen ? "list" : "bracketed section")}");
            }

            // A ']' inside a list, or ')' inside brackets, belongs to neither: keep it as text.
            items.Add(await ReadValueAsync(reader, token, depth + 1).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Reads resp-text after a status word (OK, NO, BAD, BYE, PREAUTH): an optional response
    /// code in brackets, then free text to the end of the line.
    /// </summary>
    public static async ValueTask<(ImapResponseCode? Code, string Text)> ReadResponseTextAsync(ImapReader reader)
    {
        ImapResponseCode? code = null;
        if (await reader.PeekAsync().ConfigureAwait(false) == (byte)'[')
        {
            await reader.ReadTokenAsync().ConfigureAwait(false);
            var items = await ReadListAsync(reader, ImapTokenKind.CloseBracket, 0).ConfigureAwait(false);
            code = items.Count > 0 && items[0].Kind == ImapValueKind.Atom
                ? new ImapResponseCode(items[0].Text!.ToUpperInvariant(), items[1..])
                : new ImapResponseCode("", items);
        }

        return (code, await reader.ReadLineAsync().ConfigureAwait(false));
    }
}
