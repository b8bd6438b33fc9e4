using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MailTicketing.Rules.Loading;

/// <summary>
/// Builds every pattern with a match timeout, and refuses nested unbounded quantifiers such as
/// (a+)+ or (\w+\s?)*, whose backtracking can take exponential time on a crafted mail.
/// </summary>
internal static class RegexFactory
{
    private const RegexOptions Flags = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    public static bool TryCreate(ParseContext context, YamlNode node, string pattern, out Regex regex)
    {
        regex = null!;
        if (FindNestedQuantifier(pattern) is int offset)
        {
            context.Error(node, $"regex '{pattern}' has a repeated group that itself repeats (at pattern offset {offset}); "
                + "this can take exponential time: make the inner or the outer repetition bounded");
            return false;
        }

        try
        {
            regex = new Regex(pattern, Flags, context.Options.RegexTimeout);
            return true;
        }
        catch (RegexParseException e)
        {
            context.Error(node, $"invalid regex '{pattern}': {e.Error} at pattern offset {e.Offset}");
            return false;
        }
        catch (ArgumentException e)
        {
            context.Error(node, $"invalid regex '{pattern}': {e.Message}");
            return false;
        }
    }

    /// <summary>The offset of the first group that repeats without bound and contains a repetition, or null.</summary>
    internal static int? FindNestedQuantifier(string p)
    {
        var groups = new Stack<(int Start, bool InnerRepeats)>();
        groups.Push((0, false));
        for (var i = 0; i < p.Length; i++)
        {
            switch (p[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = RegexLiteral.ClassEnd(p, i);
                    break;
                case '(':
                    groups.Push((i, false));
                    i = SkipGroupHeader(p, i);
                    break;
                case ')' when groups.Count > 1:
                    var (start, inner) = groups.Pop();
                    var (unbounded, repeats) = Quantifier(p, i + 1);
                    if (inner && unbounded)
                    {
                        return start;
                    }

                    if (inner || repeats)
                    {
                        var parent = groups.Pop();
                        groups.Push((parent.Start, true));
                    }

                    break;
                case '*' or '+' or '{':
                    if (Quantifier(p, i).Repeats)
                    {
                        var top = groups.Pop();
                        groups.Push((top.Start, true));
                    }

                    break;
            }
        }

        return null;
    }

    private static int SkipGroupHeader(string p, int i)
    {
        if (i + 1 >= p.Length || p[i + 1] != '?')
        {
            return i;
        }

        // (?<name> and (?'name' carry a name; (?<= and (?<! are lookbehinds.
        if (i + 2 < p.Length && (p[i + 2] == '\'' || (p[i + 2] == '<' && i + 3 < p.Length && p[i + 3] is not ('=' or '!'))))
        {
            var close = p.IndexOf(p[i + 2] == '<' ? '>' : '\'', i + 3);
            return close < 0 ? p.Length : close;
        }

        return i + 2;
    }

    /// <summary>Reads a quantifier at i: unbounded for *, + and {n,}; repeats also for {n,m} with m &gt; n.</summary>
    private static (bool Unbounded, bool Repeats) Quantifier(string p, int i)
    {
        if (i >= p.Length)
        {
            return (false, false);
        }

        if (p[i] is '*' or '+')
        {
            return (true, true);
        }

        if (p[i] != '{')
        {
            return (false, false);
        }

        var close = p.IndexOf('}', i);
        if (close < 0)
        {
            return (false, false);
        }

        var body = p.AsSpan(i + 1, close - i - 1);
        var comma = body.IndexOf(',');
        if (comma < 0)
        {
            return (false, false);
        }

        if (!int.TryParse(body[..comma], out var min))
        {
            return (false, false);
        }

        if (comma == body.Length - 1)
        {
            return (true, true);
        }

        return int.TryParse(body[(comma + 1)..], out var max) ? (false, max > min) : (false, false);
    }
}
