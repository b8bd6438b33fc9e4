using System.Text;
using Xunit.Abstractions;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// Zammad's mailNNN.yml beside each mailNNN.box lists the attachments Zammad made of the mail:
/// decoded bytes (binary) or decoded text, a file name and a media type. Zammad also files the
/// HTML body as "message.html" and names unnamed parts itself ("file", the subject + ".eml"),
/// so each expected attachment is looked up among all our leaf parts by content; its media
/// type must agree, and so must its file name where the mail gave one. Text is compared with
/// line breaks normalised and, failing that, without whitespace (Zammad re-serialises text).
/// </summary>
public sealed class ZammadExpectationTests(ITestOutputHelper output)
{
    private static readonly string[] Folders = ["zammad/test/data/mail", "zammad/_upstream_newer/test/data/mail"];

    /// <summary>Where Zammad is wrong or merely different, per file, with the reason (checked against the raw message).</summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        [Mail + "mail064.box"] = "windows-1258 file name whose 0xEC is a combining acute accent: we read 'd’écran', Zammad decoded it as windows-1252 ('d’eìcran')",
        [Mail + "mail073.box"] = "RFC 2231 file name declared us-ascii but holding the Latin-1 byte 0xF6: we read 'Wölbung', Zammad wrote U+FFFD",
        [Mail + "mail102.box"] = "two attachments with the same file name: Zammad renames the second ('…at 091.00.38.png'), we keep the name the sender gave",
    };

    private const string Mail = "zammad/test/data/mail/";

    [CorpusFact]
    public void Attachments_match_what_zammad_made_of_each_mail()
    {
        CorpusFiles.Require();
        var files = Folders.SelectMany(f => Directory.GetFiles(CorpusFiles.Path(f), "*.yml"))
            .Select(f => Path.GetRelativePath(CorpusFiles.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count >= 115, $"only {files.Count} Zammad expectation files");

        var mismatched = new Dictionary<string, List<string>>();
        var unlisted = 0;
        int expectedCount = 0, found = 0, binary = 0, named = 0, concatenated = 0, loose = 0;
        foreach (var file in files)
        {
            var box = Path.ChangeExtension(file, ".box");
            var expected = (Dictionary<string, object?>)MiniYaml.Parse(File.ReadAllText(CorpusFiles.Path(file), Encoding.UTF8))!;
            using var message = MimeMessage.Load(CorpusFiles.Path(box));
            var leaves = MessageProbe.Leaves(message);
            var used = new HashSet<MimeEntity>(ReferenceEqualityComparer.Instance);
            var problems = new List<string>();
            foreach (var attachment in (expected.GetValueOrDefault("attachments") as List<object?> ?? []).Cast<Dictionary<string, object?>>())
            {
                expectedCount++;
                var name = attachment.GetValueOrDefault("filename") as string ?? "";
                var data = attachment.GetValueOrDefault("data");
                var preferences = attachment.GetValueOrDefault("preferences") as Dictionary<string, object?> ?? [];
                var match = leaves.FirstOrDefault(l => !used.Contains(l) && SameContent(l, data) == Likeness.Same)
                    ?? leaves.FirstOrDefault(l => !used.Contains(l) && SameContent(l, data) != Likeness.Different);
                if (match is null && name == "message.html" && data is string html && IsConcatenatedBody(leaves, used, html))
                {
                    // Zammad files all body parts of a mixed message, text and HTML, as one "message.html".
                    found++;
                    concatenated++;
                    continue;
                }

                if (match is null)
                {
                    problems.Add($"'{name}' ({Describe(data)}) not found among {leaves.Count} parts");
                    continue;
                }

                found++;
                loose += SameContent(match, data) == Likeness.LettersOnly ? 1 : 0;
                if (data is byte[])
                {
                    binary++;
                }

                used.Add(match);
                if (preferences.GetValueOrDefault("Mime-Type") is string mimeType && !mimeType.Equals(match.ContentType.MimeType, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"'{name}': type {match.ContentType.MimeType}, expected {mimeType}");
                }

                if (match.FileName is { } fileName)
                {
                    named++;
                    if (fileName != name)
                    {
                        problems.Add($"'{name}': file name '{fileName}'");
                    }
                }
            }

            foreach (var extra in message.Attachments.Where(a => !used.Contains(a) && leaves.Contains(a)))
            {
                unlisted++;
                problems.Add($"our attachment {extra.ContentType.MimeType} '{extra.FileName}' is not in Zammad's list");
            }

            if (problems.Count > 0)
            {
                mismatched[box] = problems;
            }
        }

        output.WriteLine($"zammad: {files.Count - mismatched.Count} of {files.Count} mails match; {found} of {expectedCount} attachments found by content ({binary} binary, {concatenated} as Zammad's joined message.html, {loose} equal only in their ASCII letters, {named} with the sender's file name compared); {unlisted} of our attachments not in Zammad's lists; {mismatched.Count} mails differ, {Exceptions.Count} of them documented");
        foreach (var (file, problems) in mismatched)
        {
            output.WriteLine($"  {file}: {string.Join("; ", problems)}");
        }

        var unexplained = mismatched.Keys.Where(f => !Exceptions.ContainsKey(f)).ToList();
        var stale = Exceptions.Keys.Where(f => !mismatched.ContainsKey(f)).ToList();
        Assert.True(unexplained.Count == 0, "differences from Zammad:\n" + string.Join("\n", unexplained.Select(f => $"{f}: {string.Join("; ", mismatched[f])}")));
        Assert.True(stale.Count == 0, "documented exceptions that now match (remove them): " + string.Join(", ", stale));
        Assert.True(expectedCount >= 125, $"only {expectedCount} expected attachments");
        Assert.True(binary >= 45, $"only {binary} binary attachments compared");
    }

    private static Likeness SameContent(MimeEntity leaf, object? data) => (leaf, data) switch
    {
        (MimePart part, byte[] bytes) => SameBytes(part.Content, bytes),
        (MessagePart embedded, byte[] bytes) => SameBytes(embedded.RawContent, bytes),
        (MimePart part, string text) => SameText(part.GetText().Text, text),
        (MessagePart embedded, string text) => SameText(Encoding.UTF8.GetString(embedded.RawContent.ToArray()), text),
        _ => Likeness.Different,
    };

    private static Likeness SameBytes(IO.PartContent content, byte[] bytes) =>
        content.Length == bytes.Length && content.ToArray().AsSpan().SequenceEqual(bytes) ? Likeness.Same : Likeness.Different;

    /// <summary>
    /// Zammad re-serialises text (line breaks, trailing blanks) and sometimes decodes it with
    /// another charset than the one declared; where only non-ASCII letters differ, the part is
    /// still the same part, and which charset is right is the charset decoder's business.
    /// </summary>
    private static Likeness SameText(string actual, string expected)
    {
        var a = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var e = expected.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (a == e || Squeeze(a, asciiOnly: false) == Squeeze(e, asciiOnly: false))
        {
            return Likeness.Same;
        }

        var asciiA = Squeeze(a, asciiOnly: true);
        return asciiA.Length > 0 && asciiA == Squeeze(e, asciiOnly: true) ? Likeness.LettersOnly : Likeness.Different;
    }

    private static bool IsConcatenatedBody(List<MimeEntity> leaves, HashSet<MimeEntity> used, string html)
    {
        var bodies = leaves.OfType<MimePart>()
            .Where(p => !used.Contains(p) && p.ContentType.MediaType == "text" && p.ContentType.MediaSubtype is "plain" or "html" && !p.IsDeclaredAttachment)
            .ToList();
        return bodies.Count > 1 && SameText(string.Concat(bodies.Select(p => p.GetText().Text)), html) != Likeness.Different;
    }

    private static string Squeeze(string text, bool asciiOnly) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && (!asciiOnly || c < 128)));

    private static string Describe(object? data) => data switch
    {
        byte[] bytes => $"{bytes.Length} bytes",
        string text => $"{text.Length} chars",
        _ => "no data",
    };

    private enum Likeness
    {
        Different,
        LettersOnly,
        Same,
    }
}
