using System.Text;
using System.Text.RegularExpressions;

namespace MailTicketing.Mime.Tests.Writing;

/// <summary>
/// A deliberately small reader for the writer's own (strict) output, so structure tests do not
/// depend on the library's parser. It splits header lines, unfolds them and cuts multiparts at
/// their boundary lines.
/// </summary>
internal sealed partial class WrittenEntity
{
    private WrittenEntity(List<KeyValuePair<string, string>> headers, string body, List<WrittenEntity> parts)
    {
        Headers = headers;
        Body = body;
        Parts = parts;
    }

    public List<KeyValuePair<string, string>> Headers { get; }

    public string Body { get; }

    public List<WrittenEntity> Parts { get; }

    public string MimeType => (Header("Content-Type") ?? "text/plain").Split(';')[0].Trim();

    public string? Boundary => Header("Content-Type") is { } value && BoundaryParameter().Match(value) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>"multipart/mixed[multipart/alternative[text/plain,text/html],image/png]".</summary>
    public string Shape => Parts.Count == 0 ? MimeType : MimeType + "[" + string.Join(",", Parts.Select(p => p.Shape)) + "]";

    public static WrittenEntity Parse(byte[] message) => Parse(Encoding.ASCII.GetString(message));

    public static WrittenEntity Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerBlock = split < 0 ? raw : raw[..split];
        var body = split < 0 ? string.Empty : raw[(split + 4)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in headerBlock.Split("\r\n"))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t')
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + line);
            }
            else if (line.Length > 0)
            {
                var colon = line.IndexOf(':');
                headers.Add(new(line[..colon], line[(colon + 1)..].TrimStart()));
            }
        }

        var entity = new WrittenEntity(headers, body, []);
        if (entity.MimeType.StartsWith("multipart/", StringComparison.Ordinal) && entity.Boundary is { } boundary)
        {
            var lines = body.Split("\r\n");
            List<string>? current = null;
            foreach (var line in lines)
            {
                var isDelimiter = line == "--" + boundary;
                var isClose = line == "--" + boundary + "--";
                if (isDelimiter || isClose)
                {
                    if (current is not null)
                    {
                        entity.Parts.Add(Parse(string.Join("\r\n", current)));
                    }

                    current = isDelimiter ? [] : null;
                    if (isClose)
                    {
                        break;
                    }
                }
                else
                {
                    current?.Add(line);
                }
            }
        }

        return entity;
    }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public IEnumerable<WrittenEntity> Descendants() => Parts.SelectMany(p => p.Descendants().Prepend(p));

    [GeneratedRegex("boundary=\"([^\"]+)\"")]
    private static partial Regex BoundaryParameter();
}
