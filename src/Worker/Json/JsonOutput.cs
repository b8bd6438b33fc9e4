using System.Text.Encodings.Web;
using System.Text.Json;

namespace MailTicketing.Worker.Json;

/// <summary>How the command line writes JSON: indented, and Chinese left readable (the output is for terminals and files, not HTML).</summary>
internal static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
