using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// stalwart-mail-parser's NNN.json beside each NNN.eml is its full parse tree: parts in a flat
/// list, multiparts pointing at their children, embedded messages nested, leaf bodies decoded
/// (Text/Html as strings, Binary as bytes). We compare the shape of the tree, every leaf's media
/// type, every binary leaf's decoded bytes, and every text leaf's decoded text.
/// </summary>
public sealed class StalwartExpectationTests(ITestOutputHelper output)
{
    private const string Folder = "stalwart-mail-parser/resources/eml";

    /// <summary>Where stalwart is wrong or merely different, per file, with the reason (checked against the raw message).</summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        [Malformed + "000.eml"] = "four delimiters, each followed by header lines and no body: we keep four empty parts, stalwart none",
        [Malformed + "001.eml"] = PrefixBoundary,
        [Malformed + "004.eml"] = PrefixBoundary + "; with an exact match the boundary never opens a part, so the whole text is one leaf",
        [Malformed + "007.eml"] = PrefixBoundary + "; also the part's headers run into '--ab' without a blank line, which we read as a wrapped header line",
        [Malformed + "008.eml"] = PrefixBoundary,
        [Malformed + "009.eml"] = OuterBoundary,
        [Malformed + "011.eml"] = OuterBoundary,
        [Malformed + "012.eml"] = OuterBoundary,
        [Malformed + "013.eml"] = "the last delimiter is followed by the end of input: we keep the empty part it announces, stalwart drops it",
        [Malformed + "014.eml"] = "the last delimiter is followed by the end of input: we keep the empty part it announces, stalwart drops it",
        [Malformed + "016.eml"] = PrefixBoundary + " (boundaries of 80, 81 and 82 characters, each a prefix of the next)",
        [Malformed + "019.eml"] = "fuzzed headers and boundaries in mixed case (RFC 2046 boundaries are case-sensitive); both parsers keep all the text, split differently",
        [Malformed + "020.eml"] = "a part with two Content-Type fields: we take the first (multipart/alternative, as Python's email does), stalwart the last (text/plain)",
        [Malformed + "021.eml"] = "a part with two Content-Type fields: we take the first (multipart/alternative, as Python's email does), stalwart the last (text/plain)",
        [Malformed + "022.eml"] = "message/rfc822 whose content has no header: we keep it an embedded message whose body is that text, stalwart makes it a text leaf",
        [Rfc + "000.eml"] = "RFC 2046's example has prose where base64 belongs: we decode leniently and report InvalidContentEncoding (as Python's email does), stalwart keeps the prose",
        [ThirdParty + "002.eml"] = "invalid base64: stalwart keeps '?garbage' as text where we decode it leniently; and it decodes the trailer in 'Cg== ignored' into three bad bytes where we stop at the padding (RFC 2045 §6.8; Python's email stops there too)",
        [ThirdParty + "005.eml"] = "stalwart finds the close delimiter in the middle of the line 'invalid--1--'; RFC 2046 §5.1.1 wants it at the start of a line",
        [ThirdParty + "015.eml"] = "stalwart reads an attachment's headers on past the next delimiter and so sees 2 parts; a delimiter ends the headers, giving the 4 parts the sender wrote",
    };

    private const string Malformed = "stalwart-mail-parser/resources/eml/malformed/";
    private const string Rfc = "stalwart-mail-parser/resources/eml/rfc/";
    private const string ThirdParty = "stalwart-mail-parser/resources/eml/thirdparty/";

    private const string PrefixBoundary =
        "stalwart (like Dovecot, whose test this is) takes a line that merely starts with --boundary as a delimiter; RFC 2046 §5.1.1 allows only whitespace after it, as Python's email and MimeKit read it";

    private const string OuterBoundary =
        "an enclosing multipart's delimiter inside an unclosed inner multipart: stalwart keeps it as text of the inner part, we close the inner multipart there (RFC 2046 §5.1.2; Python's email and MimeKit do the same)";

    [CorpusFact]
    public void Parse_trees_match_stalwart_mail_parser()
    {
        CorpusFiles.Require();
        var files = Directory.GetFiles(CorpusFiles.Path(Folder), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CorpusFiles.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count >= 53, $"only {files.Count} stalwart expectation files");

        var mismatched = new Dictionary<string, List<string>>();
        var leaves = 0;
        foreach (var file in files)
        {
            var eml = Path.ChangeExtension(file, ".eml");
            using var json = JsonDocument.Parse(File.ReadAllBytes(CorpusFiles.Path(file)));
            using var message = MimeMessage.Load(CorpusFiles.Path(eml));
            var problems = new List<string>();
            leaves += CompareMessage(json.RootElement, message, "", problems);
            if (problems.Count > 0)
            {
                mismatched[eml] = problems;
            }
        }

        output.WriteLine($"stalwart: {files.Count - mismatched.Count} of {files.Count} messages match ({leaves} leaves compared); {mismatched.Count} differ, {Exceptions.Count} of them documented");
        foreach (var (file, problems) in mismatched)
        {
            output.WriteLine($"  {file}: {string.Join("; ", problems)}");
        }

        var unexplained = mismatched.Keys.Where(f => !Exceptions.ContainsKey(f)).ToList();
        var stale = Exceptions.Keys.Where(f => !mismatched.ContainsKey(f)).ToList();
        Assert.True(unexplained.Count == 0, "differences from stalwart:\n" + string.Join("\n", unexplained.Select(f => $"{f}: {string.Join("; ", mismatched[f])}")));
        Assert.True(stale.Count == 0, "documented exceptions that now match (remove them): " + string.Join(", ", stale));
        Assert.True(leaves >= 110, $"only {leaves} leaves compared");
    }

    /// <summary>Compares one message (root or embedded); returns how many leaves were compared.</summary>
    private static int CompareMessage(JsonElement expected, MimeMessage message, string path, List<string> problems)
    {
        var parts = expected.GetProperty("parts");
        return CompareEntity(parts, 0, message.Body, path.Length == 0 ? "root" : path, problems);
    }

    private static int CompareEntity(JsonElement parts, int index, MimeEntity actual, string path, List<string> problems)
    {
        var part = parts[index];
        var body = part.GetProperty("body").EnumerateObject().Single();
        var expectedType = ExpectedMimeType(part);
        if (expectedType is not null && expectedType != actual.ContentType.MimeType)
        {
            problems.Add($"{path}: type {actual.ContentType.MimeType}, expected {expectedType}");
        }

        switch (body.Name)
        {
            case "Multipart":
                if (actual is not Multipart multipart)
                {
                    problems.Add($"{path}: {Describe(actual)}, expected a multipart");
                    return 0;
                }

                var children = body.Value.EnumerateArray().Select(c => c.GetInt32()).ToList();
                if (children.Count != multipart.Children.Count)
                {
                    problems.Add($"{path}: {multipart.Children.Count} children, expected {children.Count}");
                    return 0;
                }

                var compared = 0;
                for (var i = 0; i < children.Count; i++)
                {
                    compared += CompareEntity(parts, children[i], multipart.Children[i], $"{path}.{i + 1}", problems);
                }

                return compared;

            case "Message":
                if (actual is not MessagePart embedded)
                {
                    problems.Add($"{path}: {Describe(actual)}, expected an embedded message");
                    return 0;
                }

                return CompareMessage(body.Value, embedded.Message, path + ">", problems);

            case "Binary" or "InlineBinary":
                if (actual is not MimePart binary)
                {
                    problems.Add($"{path}: {Describe(actual)}, expected a leaf");
                    return 0;
                }

                var bytes = body.Value.EnumerateArray().Select(b => b.GetByte()).ToArray();
                if (!bytes.AsSpan().SequenceEqual(binary.Content.ToArray()))
                {
                    problems.Add($"{path}: {binary.Content.Length} bytes, expected {bytes.Length} bytes{(bytes.Length == binary.Content.Length ? " (same length, other bytes)" : "")}");
                }

                return 1;

            default:
                if (actual is not MimePart text)
                {
                    problems.Add($"{path}: {Describe(actual)}, expected a {body.Name} leaf");
                    return 0;
                }

                var expectedText = Normalize(body.Value.GetString() ?? "");
                var actualText = Normalize(text.GetText().Text);
                if (expectedText != actualText)
                {
                    problems.Add($"{path}: text differs at {FirstDifference(expectedText, actualText)} ({actualText.Length} chars, expected {expectedText.Length})");
                }

                return 1;
        }
    }

    private static string? ExpectedMimeType(JsonElement part)
    {
        foreach (var header in part.GetProperty("headers").EnumerateArray())
        {
            // Known header names are strings; others are objects such as {"Other": "X-Foo"}.
            var name = header.GetProperty("name");
            if (name.ValueKind == JsonValueKind.String && name.GetString() == "content_type"
                && header.GetProperty("value").TryGetProperty("ContentType", out var type))
            {
                var subtype = type.GetProperty("c_subtype");
                return subtype.ValueKind == JsonValueKind.String
                    ? $"{type.GetProperty("c_type").GetString()}/{subtype.GetString()}".ToLowerInvariant()
                    : null;
            }
        }

        return null;
    }

    private static string Describe(MimeEntity entity) => $"{entity.GetType().Name} {entity.ContentType.MimeType}";

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string FirstDifference(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
        {
            i++;
        }

        static string Around(string s, int at) => s.Length <= at ? "<end>" : s.Substring(at, Math.Min(20, s.Length - at)).Replace("\n", "\\n", StringComparison.Ordinal);

        return new StringBuilder().Append(i).Append(": '").Append(Around(actual, i)).Append("' vs expected '").Append(Around(expected, i)).Append('\'').ToString();
    }
}
