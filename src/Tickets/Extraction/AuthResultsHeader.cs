namespace MailTicketing.Tickets.Extraction;

// One Authentication-Results field value, parsed leniently (RFC 8601 §2.2):
//   authserv-id [version] ( "; none" / 1*( ";" method=result [reason] *(ptype.property=value) ) )
// Comments are dropped first (OpenDKIM writes "(2048-bit key; unprotected)", with a ';' inside).
// Microsoft 365 omits the authserv-id and starts with "spf=…"; Yahoo puts junk after the id.
internal sealed record AuthResultsHeader(string? AuthServId, IReadOnlyList<AuthResultsHeader.Method> Methods)
{
    internal readonly record struct Method(string Name, AuthResult Result, string? Property);

    public static AuthResultsHeader Parse(string value)
    {
        string text = StripComments(value.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' '));
        if (text.TrimStart().StartsWith("Authentication-Results:", StringComparison.OrdinalIgnoreCase))
        {
            text = text.TrimStart()["Authentication-Results:".Length..];
        }

        var segments = SplitOutsideQuotes(text);
        string? authServId = null;
        var methods = new List<Method>();
        for (int s = 0; s < segments.Count; s++)
        {
            var pairs = Tokenize(segments[s]);
            int first = 0;
            if (s == 0 && pairs.Count > 0 && pairs[0].Value is null)
            {
                authServId = pairs[0].Key;
                first = pairs.Count > 1 && pairs[1].Value is null && pairs[1].Key.All(char.IsAsciiDigit) ? 2 : 1;
            }

            ReadMethod(pairs, first, methods);
        }

        return new AuthResultsHeader(authServId, methods);
    }

    private static void ReadMethod(List<(string Key, string? Value)> pairs, int first, List<Method> methods)
    {
        for (int i = first; i < pairs.Count; i++)
        {
            if (pairs[i].Value is not string result)
            {
                continue;
            }

            // "dkim/1=pass": a method version after a slash.
            string name = pairs[i].Key.Split('/')[0].Trim().ToLowerInvariant();
            if (name is not ("spf" or "dkim" or "dmarc"))
            {
                continue;
            }

            string? property = null;
            for (int k = i + 1; k < pairs.Count && property is null; k++)
            {
                string key = pairs[k].Key.ToLowerInvariant();
                property = (name, key) switch
                {
                    ("spf", "smtp.mailfrom" or "smtp.mail") => pairs[k].Value,
                    ("dkim", "header.d" or "header.i") => pairs[k].Value,
                    ("dmarc", "header.from") => pairs[k].Value,
                    _ => null,
                };
            }

            methods.Add(new Method(name, ParseResult(result), property));
            return;
        }
    }

    private static AuthResult ParseResult(string word) => word.ToLowerInvariant() switch
    {
        "pass" => AuthResult.Pass,
        // Microsoft 365: no DMARC record, but it would have passed.
        "bestguesspass" => AuthResult.Pass,
        "fail" or "hardfail" => AuthResult.Fail,
        "softfail" => AuthResult.SoftFail,
        "neutral" => AuthResult.Neutral,
        "temperror" or "error" => AuthResult.TempError,
        "permerror" => AuthResult.PermError,
        "policy" => AuthResult.Policy,
        _ => AuthResult.None,
    };

    private static string StripComments(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        int depth = 0;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && (quoted || depth > 0) && i + 1 < text.Length)
            {
                if (depth == 0)
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (depth == 0 && c == '"')
            {
                quoted = !quoted;
                builder.Append(c);
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')' && depth > 0)
            {
                if (--depth == 0)
                {
                    builder.Append(' ');
                }
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static List<string> SplitOutsideQuotes(string text)
    {
        var parts = new List<string>();
        bool quoted = false;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == ';' && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    // "spf = pass smtp.mailfrom=a@b x" -> (spf, pass), (smtp.mailfrom, a@b), (x, null).
    private static List<(string Key, string? Value)> Tokenize(string segment)
    {
        var pairs = new List<(string, string?)>();
        int i = 0;
        while (true)
        {
            while (i < segment.Length && segment[i] == ' ')
            {
                i++;
            }

            if (i >= segment.Length)
            {
                return pairs;
            }

            int start = i;
            while (i < segment.Length && segment[i] is not (' ' or '='))
            {
                i++;
            }

            string key = segment[start..i];
            int look = i;
            while (look < segment.Length && segment[look] == ' ')
            {
                look++;
            }

            if (look >= segment.Length || segment[look] != '=')
            {
                pairs.Add((Unquote(key), null));
                continue;
            }

            i = look + 1;
            while (i < segment.Length && segment[i] == ' ')
            {
                i++;
            }

            int valueStart = i;
            if (i < segment.Length && segment[i] == '"')
            {
                int close = segment.IndexOf('"', i + 1);
                i = close < 0 ? segment.Length : close + 1;
            }
            else
            {
                while (i < segment.Length && segment[i] != ' ')
                {
                    i++;
                }
            }

            pairs.Add((key, Unquote(segment[valueStart..i])));
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
