using System.Globalization;

namespace MailTicketing.Rules.Loading;

/// <summary>
/// Literal text a pattern must contain wherever it matches, when that is plain to see: the
/// longest run of ordinary characters in the pattern's top-level sequence, or else a top-level
/// group of plain alternatives such as (withdrawal|deposit), one of which must occur. When no
/// such literal is in a message, the pattern cannot match and is not run: the patterns of a
/// large file mostly name words, and most messages contain none of them.
/// </summary>
/// <remarks>
/// Only characters that match nothing but themselves under the pattern's case-insensitivity,
/// once the text is NFKC-folded (ASCII letters, digits, punctuation that is not special, a
/// space, and characters without case such as CJK), are taken; so the lower-cased literal is
/// in the lower-cased folded text wherever the pattern can match. Anything unusual (a
/// top-level alternative, inline x mode, an escape that is not understood) gives no literal:
/// the pattern then always runs, which is slower but never wrong.
/// </remarks>
internal static class RegexLiteral
{
    private const string Special = ".^$|?*+()[]{}\\#";

    /// <summary>Lower-case literals of which one occurs wherever the pattern matches; null when that cannot be told.</summary>
    public static string[]? Required(string pattern)
    {
        if (pattern.Contains("(?x", StringComparison.Ordinal) || pattern.Contains("(?-x", StringComparison.Ordinal) || pattern.Contains("(?#", StringComparison.Ordinal))
        {
            return null;
        }

        var runs = new List<string>();
        string[]? alternatives = null;
        var run = new System.Text.StringBuilder();
        void EndRun()
        {
            if (run.Length > 0)
            {
                runs.Add(run.ToString());
                run.Clear();
            }
        }

        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '|' || c == ')')
            {
                return null;
            }

            if (c == '\\')
            {
                EndRun();
                if (SkipEscape(pattern, i) is not { } next)
                {
                    return null;
                }

                i = SkipQuantifier(pattern, next);
                continue;
            }

            if (c == '[')
            {
                EndRun();
                i = SkipQuantifier(pattern, ClassEnd(pattern, i) + 1);
                continue;
            }

            if (c == '(')
            {
                EndRun();
                var close = GroupEnd(pattern, i);
                if (close < 0)
                {
                    return null;
                }

                var after = SkipQuantifier(pattern, close + 1);
                if (alternatives is null && !MayRepeatZeroTimes(pattern, close + 1) && PlainAlternatives(pattern, i, close) is { } found)
                {
                    alternatives = found;
                }

                i = after;
                continue;
            }

            if (c is '?' or '*' or '+' or '{')
            {
                // The character before it may be absent or repeated: it is not part of a fixed run.
                if (run.Length > 0)
                {
                    run.Length--;
                }

                EndRun();
                if (c == '{' && QuantifierEnd(pattern, i) < 0)
                {
                    return null;
                }

                i = SkipQuantifier(pattern, i);
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal) || !IsLiteral(c))
            {
                EndRun();
                i = SkipQuantifier(pattern, i + 1);
                continue;
            }

            run.Append(c);
            i++;
        }

        EndRun();
        var best = runs.Where(Enough).OrderByDescending(r => r.Length).FirstOrDefault();
        return best is not null ? [best.ToLowerInvariant()] : alternatives;
    }

    private static bool Enough(string literal) => literal.Trim().Length >= 3 || (literal.Trim().Length == 2 && literal.Any(c => c > 127));

    /// <summary>Characters whose lower-case form is the only thing the case-insensitive pattern can meet in folded text.</summary>
    private static bool IsLiteral(char c)
    {
        if (c < 128)
        {
            return c == ' ' || (c > ' ' && c < 127);
        }

        return !char.IsSurrogate(c) && !char.IsWhiteSpace(c) && char.ToLowerInvariant(c) == c && char.ToUpperInvariant(c) == c
            && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark);
    }

    /// <summary>The literals of a group of plain alternatives — (a|b), (?:a|b), (?&lt;name&gt;a|b) — or null.</summary>
    private static string[]? PlainAlternatives(string p, int open, int close)
    {
        var body = open + 1;
        if (p.AsSpan(body).StartsWith("?:"))
        {
            body += 2;
        }
        else if (p.AsSpan(body).StartsWith("?<") && body + 2 < p.Length && p[body + 2] is not ('=' or '!'))
        {
            body = p.IndexOf('>', body) + 1;
        }
        else if (p.AsSpan(body).StartsWith("?'"))
        {
            body = p.IndexOf('\'', body + 2) + 1;
        }
        else if (body < p.Length && p[body] == '?')
        {
            return null;
        }

        if (body <= open || body > close)
        {
            return null;
        }

        var alternatives = p[body..close].Split('|');
        return alternatives.All(a => a.All(c => IsLiteral(c) && !Special.Contains(c, StringComparison.Ordinal)) && Enough(a))
            ? [.. alternatives.Select(a => a.ToLowerInvariant())]
            : null;
    }

    /// <summary>After an escape: its end, or null for an escape whose length is not known here.</summary>
    private static int? SkipEscape(string p, int i)
    {
        if (i + 1 >= p.Length)
        {
            return null;
        }

        var e = p[i + 1];
        switch (e)
        {
            case 'u':
                return i + 6;
            case 'x':
                return i + 4;
            case 'c':
                return i + 3;
            case 'p' or 'P':
                var close = p.IndexOf('}', i);
                return close < 0 ? null : close + 1;
            case 'k':
                var end = p.IndexOfAny(['>', '\''], i + 3);
                return end < 0 ? null : end + 1;
            case >= '0' and <= '9':
                var j = i + 1;
                while (j < p.Length && char.IsAsciiDigit(p[j]))
                {
                    j++;
                }

                return j;
            default:
                return i + 2;
        }
    }

    private static bool MayRepeatZeroTimes(string p, int i) =>
        i < p.Length && (p[i] is '?' or '*' || (p[i] == '{' && p.AsSpan(i + 1).StartsWith("0")) || (p[i] == '{' && p.AsSpan(i + 1).StartsWith(",")));

    /// <summary>Skips a quantifier (and its lazy '?') at <paramref name="i"/>, if there is one.</summary>
    private static int SkipQuantifier(string p, int i)
    {
        if (i >= p.Length)
        {
            return i;
        }

        if (p[i] is '?' or '*' or '+')
        {
            i++;
        }
        else if (p[i] == '{' && QuantifierEnd(p, i) is var end and >= 0)
        {
            i = end + 1;
        }
        else
        {
            return i;
        }

        return i < p.Length && p[i] == '?' ? i + 1 : i;
    }

    /// <summary>The '}' of a {n}, {n,} or {n,m} quantifier at <paramref name="open"/>, or -1 when it is a literal brace.</summary>
    private static int QuantifierEnd(string p, int open)
    {
        var i = open + 1;
        var digits = 0;
        while (i < p.Length && (char.IsAsciiDigit(p[i]) || p[i] == ','))
        {
            digits += char.IsAsciiDigit(p[i]) ? 1 : 0;
            i++;
        }

        return i < p.Length && p[i] == '}' && digits > 0 ? i : -1;
    }

    /// <summary>The index of the ')' closing the group opened at <paramref name="open"/>, or -1.</summary>
    private static int GroupEnd(string p, int open)
    {
        var depth = 0;
        for (var i = open; i < p.Length; i++)
        {
            switch (p[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = ClassEnd(p, i);
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the ']' that closes the character class opening at <paramref name="i"/> (a leading ']' is a member), or the end.</summary>
    internal static int ClassEnd(string p, int i)
    {
        i++;
        if (i < p.Length && p[i] == '^')
        {
            i++;
        }

        if (i < p.Length && p[i] == ']')
        {
            i++;
        }

        while (i < p.Length && p[i] != ']')
        {
            i += p[i] == '\\' ? 2 : 1;
        }

        return i;
    }
}
