using System.Text;

namespace MailTicketing.Rules.Evaluation;

/// <summary>
/// Folding that makes keyword matching width- and case-insensitive: NFKC maps full-width
/// Latin letters and digits (ＫＹＣ, １２３) and the ideographic space to their ASCII forms.
/// </summary>
internal static class TextFold
{
    /// <summary>Width fold only: keeps case, so that captured values look as the customer wrote them.</summary>
    public static string Width(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        var clean = ReplaceLoneSurrogates(value);
        return clean.IsNormalized(NormalizationForm.FormKC) ? clean : clean.Normalize(NormalizationForm.FormKC);
    }

    public static string WidthAndCase(string value) => Width(value).ToLowerInvariant();

    // string.Normalize throws on a lone surrogate, and a broken mail must not stop routing.
    private static string ReplaceLoneSurrogates(string value)
    {
        var span = value.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            if (!char.IsSurrogate(span[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
                continue;
            }

            return Sanitize(value);
        }

        return value;
    }

    private static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }
}
