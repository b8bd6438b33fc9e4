using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace MailTicketing.Worker.Json;

/// <summary>
/// How the command line writes JSON: indented, and Chinese left readable. Control characters
/// and the bidirectional formatting characters (Unicode TR9: LRM, RLM, ALM, the embeddings,
/// overrides and isolates) are escaped, so a sender's text such as an attachment named
/// "invoice\u202Efdp.exe" cannot reorder what a terminal or viewer shows. (This encoder also
/// writes &lt;, &gt;, &amp; and quotes as \u escapes: the same JSON once read.)
/// </summary>
internal static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = CreateEncoder(),
    };

    private static JavaScriptEncoder CreateEncoder()
    {
        var settings = new TextEncoderSettings(UnicodeRanges.All);
        settings.ForbidCharacters('\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');
        return JavaScriptEncoder.Create(settings);
    }

    public static void WriteStringArray(this Utf8JsonWriter json, string name, IEnumerable<string?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
