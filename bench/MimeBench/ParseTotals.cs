namespace MailTicketing.Bench.Mime;

/// <summary>What one pass read, summed; the same fields the Python and node scripts report, so the work can be compared.</summary>
internal sealed class ParseTotals
{
    public int Messages { get; set; }

    public int Errors { get; set; }

    public long SubjectChars { get; set; }

    public long FromChars { get; set; }

    public long TextChars { get; set; }

    public long HtmlChars { get; set; }

    public int Attachments { get; set; }

    public long AttachmentBytes { get; set; }
}
