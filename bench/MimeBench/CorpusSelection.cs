namespace MailTicketing.Bench.Mime;

/// <summary>
/// Picks the single-message files out of the shared corpus: the corpus also holds expected
/// results (yml, json, tsv, output folders), licences and mbox files, which are not one message each.
/// </summary>
internal static class CorpusSelection
{
    private static readonly HashSet<string> MailExtensions = new(StringComparer.OrdinalIgnoreCase) { ".eml", ".box", ".raw", ".msg" };

    // Extensions that may or may not be mail (gnupg *.txt, mimekit *.txt, spamassassin *.1): sniffed.
    private static readonly HashSet<string> SniffedExtensions = new(StringComparer.OrdinalIgnoreCase) { "", ".txt", ".1", ".2" };

    public static List<string> Select(string corpusRoot, TextWriter log)
    {
        var selected = new List<string>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var root = Path.GetFullPath(corpusRoot);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(root, path).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (path, relative) in files)
        {
            var reason = ExclusionReason(path, relative);
            if (reason is null)
            {
                selected.Add(path);
            }
            else
            {
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
            }
        }

        log.WriteLine($"corpus: {selected.Count} messages selected under {root}");
        log.WriteLine("corpus: skipped " + string.Join(", ", skipped.Select(s => $"{s.Value} {s.Key}")));
        return selected;
    }

    private static string? ExclusionReason(string path, string relative)
    {
        var name = Path.GetFileName(relative);
        var segments = relative.Split('/');
        if (segments.Contains("output"))
        {
            return "expected-output files";
        }

        // mbox files hold many messages each; our reader (and the baselines) take one message per file.
        if (relative.StartsWith("mimekit/UnitTests/TestData/mbox/", StringComparison.Ordinal)
            || (relative.StartsWith("sisimai/mailbox/", StringComparison.Ordinal) && name.StartsWith("mbox-", StringComparison.Ordinal)))
        {
            return "mbox files";
        }

        if (name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("COPYING", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("-summary.txt", StringComparison.OrdinalIgnoreCase))
        {
            return "licence/readme/summary files";
        }

        var extension = Path.GetExtension(name);
        if (MailExtensions.Contains(extension))
        {
            return null;
        }

        if (!SniffedExtensions.Contains(extension) || name.StartsWith('.'))
        {
            return "non-mail extensions";
        }

        return LooksLikeMail(path) ? null : "files that do not start like mail";
    }

    /// <summary>True when the first line is a header field (RFC 5322 §2.2 field name + colon) or an mbox "From " line.</summary>
    private static bool LooksLikeMail(string path)
    {
        Span<byte> head = stackalloc byte[512];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var bytes = head[..read];
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (bytes.StartsWith("From "u8))
        {
            return true;
        }

        var colon = bytes.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        foreach (var b in bytes[..colon])
        {
            // Field names are printable US-ASCII except colon and space.
            if (b is < 33 or > 126)
            {
                return false;
            }
        }

        return true;
    }
}
