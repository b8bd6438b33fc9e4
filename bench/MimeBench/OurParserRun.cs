using System.Diagnostics;
using MailTicketing.Mime;

namespace MailTicketing.Bench.Mime;

/// <summary>
/// Parses every file of a list with our reader and touches what the worker reads: subject, from,
/// text and HTML bodies, every attachment's decoded length. Same work as bench/python and bench/node.
/// </summary>
internal sealed class OurParserRun(IReadOnlyList<string> files)
{
    private readonly List<string> _failed = [];
    private readonly List<(double Seconds, string Path)> _perFile = [];

    public ParseTotals Totals { get; private set; } = new();

    public PhaseTimes Phases { get; private set; } = new();

    public IReadOnlyList<string> Failed => _failed;

    /// <summary>The slowest messages of the last pass, slowest first: where to look when profiling.</summary>
    public IEnumerable<string> Slowest(int count) =>
        _perFile.OrderByDescending(f => f.Seconds).Take(count).Select(f => $"{f.Seconds * 1000:F1} ms {f.Path}");

    /// <summary>Largest managed heap seen after a message was read, before it was disposed; only sampled when asked.</summary>
    public long PeakManagedHeap { get; private set; }

    /// <summary>Runs one pass over the list; returns its wall time and the process's CPU time (all threads: JIT and GC included), in seconds.</summary>
    public (double Wall, double Cpu) RunPass(bool sampleHeap)
    {
        Totals = new ParseTotals();
        Phases = new PhaseTimes();
        _failed.Clear();
        _perFile.Clear();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        foreach (var path in files)
        {
            ParseOne(path, sampleHeap);
        }

        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (wall, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private void ParseOne(string path, bool sampleHeap)
    {
        var start = Stopwatch.GetTimestamp();
        MimeMessage? message = null;
        try
        {
            message = MimeMessage.Load(path);
            var loaded = Stopwatch.GetTimestamp();

            Totals.TextChars += message.TextBody?.Length ?? 0;
            Totals.HtmlChars += message.HtmlBody?.Length ?? 0;
            var bodies = Stopwatch.GetTimestamp();

            Totals.SubjectChars += message.Subject?.Length ?? 0;
            Totals.FromChars += message.From.ToString().Length;
            var headers = Stopwatch.GetTimestamp();

            foreach (var attachment in message.Attachments)
            {
                Totals.Attachments++;
                Totals.AttachmentBytes += attachment switch
                {
                    MimePart part => part.Content.Length,
                    MessagePart embedded => embedded.RawContent.Length,
                    _ => 0,
                };
            }

            var attachments = Stopwatch.GetTimestamp();
            if (sampleHeap)
            {
                PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
            }

            message.Dispose();
            message = null;
            Phases.Add(start, loaded, bodies, headers, attachments, Stopwatch.GetTimestamp());
            Totals.Messages++;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The reader should never throw on bad input; count it like the baselines' failures.
            Totals.Errors++;
            _failed.Add($"{path}: {ex.GetType().Name}: {Truncate(ex.Message)}");
        }
        finally
        {
            message?.Dispose();
            _perFile.Add((Stopwatch.GetElapsedTime(start).TotalSeconds, path));
        }
    }

    private static string Truncate(string text) => text.Length <= 160 ? text : text[..160];
}
