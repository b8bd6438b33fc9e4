using System.Diagnostics;

namespace MailTicketing.Bench.Mime;

/// <summary>Where one pass spent its time, in the order the harness touches the message.</summary>
internal sealed class PhaseTimes
{
    /// <summary>MimeMessage.Load: reading the file, splitting parts, decoding content into memory or temp files.</summary>
    public double Load { get; private set; }

    /// <summary>TextBody and HtmlBody: choosing the bodies, charset decoding, HTML-to-text when there is no text part.</summary>
    public double Bodies { get; private set; }

    /// <summary>Subject (RFC 2047) and From (address parsing, formatting).</summary>
    public double Headers { get; private set; }

    /// <summary>Walking the attachment list and reading each decoded length.</summary>
    public double Attachments { get; private set; }

    /// <summary>Dispose: dropping chunks and deleting the temp files of large parts.</summary>
    public double Dispose { get; private set; }

    public void Add(long start, long loaded, long bodies, long headers, long attachments, long disposed)
    {
        Load += Seconds(start, loaded);
        Bodies += Seconds(loaded, bodies);
        Headers += Seconds(bodies, headers);
        Attachments += Seconds(headers, attachments);
        Dispose += Seconds(attachments, disposed);
    }

    private static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;
}
