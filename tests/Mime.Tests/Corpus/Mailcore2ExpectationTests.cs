using System.Text.Json;
using Xunit.Abstractions;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// mailcore2's parser/output/** holds, for each parser/input/** message, the MIME tree as
/// libetpan saw it: multiparts (libetpan names only mixed, alternative, related and signed;
/// every other subtype reads as mixed), embedded messages, and leaves with media type and file
/// name. We compare the tree shape, each leaf's media type and each file name given.
/// </summary>
public sealed class Mailcore2ExpectationTests(ITestOutputHelper output)
{
    private const string Input = "mailcore2/unittest/data/parser/input";
    private const string Output = "mailcore2/unittest/data/parser/output";

    private static readonly string[] NamedMultiparts = ["alternative", "related", "signed"];

    /// <summary>Where mailcore2 is wrong or merely different, per file, with the reason (checked against the raw message).</summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        [Jwz + "1"] = NoSubtype + " ('X-BE2; 12')",
        [Jwz + "29"] = NoSubtype + " ('X-BE2; 12')",
        [Jwz + "134"] = NoSubtype + " ('x-sun-attachment')",
        [Jwz + "135"] = NoSubtype + " ('X-sun-attachment')",
        [Jwz + "5"] = "the forwarded message starts with an envelope line ('26-Aug-92 22:15:02-LCL,22076;…') before its header fields: we skip the line, as MimeKit does, and find its multipart/mixed; libetpan reads it all as text",
        [Jwz + "22"] = "'multipart/mixed;; Boundary=…': libetpan gives up on the doubled ';' and keeps one leaf; the boundary is readable and splits the two parts the sender wrote (MimeKit's jwz-summary agrees)",
        [Jwz + "40"] = "the fifth part of a multipart/digest has an empty header block, so it is message/rfc822 (RFC 2046 §5.1.5) whose own Content-Type is text/richtext; libetpan takes the embedded message's type for the part",
        [Jwz + "41"] = "libetpan finds no parts in this multipart (its MIME-Version is 'RFC-XXXX'); the three delimited parts are plainly there",
        [Jwz + "116"] = EscapedFromLine,
        [Jwz + "117"] = EscapedFromLine,
        [Simple + "2"] = "the same boundary 'x' on three nested multiparts: each delimiter belongs to the innermost open one, so they nest as the message's own text draws it; libetpan makes them siblings",
        [Simple + "3"] = "boundary=\"\" is not a boundary (RFC 2046 §5.1.1 wants 1 to 70 characters): we keep the body as one part; libetpan splits at bare '--' lines",
    };

    private const string Jwz = Input + "/mbox/jwz/";
    private const string Simple = Input + "/mbox/simple/";

    private const string EscapedFromLine =
        "the embedded message starts with the escaped mbox line '>From - …': we skip it, as MimeKit does, and read its headers (application/x-pkcs7-mime); libetpan takes the line as the start of a body";

    private const string NoSubtype =
        "a Content-Type without a subtype reads as application/octet-stream by design (ContentType.Parse, like MimeKit); libetpan invents <type>/unknown";

    [CorpusFact]
    public void Mime_trees_match_mailcore2()
    {
        CorpusFiles.Require();
        var files = Directory.GetFiles(CorpusFiles.Path(Output), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CorpusFiles.Path(Output), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count >= 161, $"only {files.Count} mailcore2 expectation files");

        var mismatched = new Dictionary<string, List<string>>();
        var leaves = 0;
        var names = 0;
        foreach (var file in files)
        {
            var input = $"{Input}/{file}";
            using var json = JsonDocument.Parse(File.ReadAllBytes(CorpusFiles.Path($"{Output}/{file}")));
            using var message = MimeMessage.Load(CorpusFiles.Path(input));
            var problems = new List<string>();
            var counts = Compare(json.RootElement.GetProperty("mainPart"), message.Body, "root", problems);
            leaves += counts.Leaves;
            names += counts.Names;
            if (problems.Count > 0)
            {
                mismatched[input] = problems;
            }
        }

        output.WriteLine($"mailcore2: {files.Count - mismatched.Count} of {files.Count} messages match ({leaves} leaves and {names} file names compared); {mismatched.Count} differ, {Exceptions.Count} of them documented");
        foreach (var (file, problems) in mismatched)
        {
            output.WriteLine($"  {file}: {string.Join("; ", problems)}");
        }

        var unexplained = mismatched.Keys.Where(f => !Exceptions.ContainsKey(f)).ToList();
        var stale = Exceptions.Keys.Where(f => !mismatched.ContainsKey(f)).ToList();
        Assert.True(unexplained.Count == 0, "differences from mailcore2:\n" + string.Join("\n", unexplained.Select(f => $"{f}: {string.Join("; ", mismatched[f])}")));
        Assert.True(stale.Count == 0, "documented exceptions that now match (remove them): " + string.Join(", ", stale));
        Assert.True(leaves >= 500, $"only {leaves} leaves compared");
        Assert.True(names >= 40, $"only {names} file names compared");
    }

    private static (int Leaves, int Names) Compare(JsonElement expected, MimeEntity actual, string path, List<string> problems)
    {
        var partType = expected.GetProperty("partType").GetString()!;
        if (partType == "message")
        {
            if (actual is not MessagePart embedded)
            {
                problems.Add($"{path}: {Describe(actual)}, expected an embedded message");
                return default;
            }

            return Compare(expected.GetProperty("mainPart"), embedded.Message.Body, path + ">", problems);
        }

        if (partType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            if (actual is not Multipart multipart)
            {
                problems.Add($"{path}: {Describe(actual)}, expected {partType}");
                return default;
            }

            var subtype = partType["multipart/".Length..];
            var same = NamedMultiparts.Contains(subtype)
                ? multipart.ContentType.MediaSubtype == subtype
                : !NamedMultiparts.Contains(multipart.ContentType.MediaSubtype);
            if (!same)
            {
                problems.Add($"{path}: {multipart.ContentType.MimeType}, expected {partType}");
            }

            var children = expected.GetProperty("parts").GetProperty("items").EnumerateArray().ToList();
            if (children.Count != multipart.Children.Count)
            {
                problems.Add($"{path}: {multipart.Children.Count} children, expected {children.Count}");
                return default;
            }

            (int Leaves, int Names) total = default;
            for (var i = 0; i < children.Count; i++)
            {
                var counts = Compare(children[i], multipart.Children[i], $"{path}.{i + 1}", problems);
                total = (total.Leaves + counts.Leaves, total.Names + counts.Names);
            }

            return total;
        }

        if (actual is not MimePart part)
        {
            problems.Add($"{path}: {Describe(actual)}, expected a leaf");
            return default;
        }

        var mimeType = expected.GetProperty("mimeType").GetString()!;
        if (!mimeType.Equals(part.ContentType.MimeType, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{path}: {part.ContentType.MimeType}, expected {mimeType}");
        }

        var names = 0;
        if (expected.TryGetProperty("filename", out var filename))
        {
            names++;
            if (filename.GetString() != part.FileName)
            {
                problems.Add($"{path}: file name '{part.FileName}', expected '{filename.GetString()}'");
            }
        }

        return (1, names);
    }

    private static string Describe(MimeEntity entity) => $"{entity.GetType().Name} {entity.ContentType.MimeType}";
}
