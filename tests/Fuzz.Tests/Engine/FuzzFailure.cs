namespace MailTicketing.Fuzz.Tests.Engine;

/// <summary>One input that broke a promise: an exception, a hang, too much memory, or a message not accounted for.</summary>
/// <param name="Detail">The whole story (a stack trace for an exception); the file beside the saved input has it too.</param>
/// <param name="SavedAs">The file the input was written to, for replay.</param>
internal sealed record FuzzFailure(long Iteration, string Kind, string Detail, string SavedAs)
{
    /// <summary>One line per failure: the first line of the detail and, for an exception, the frame of ours that threw.</summary>
    public override string ToString()
    {
        var lines = Detail.Split('\n', StringSplitOptions.TrimEntries);
        var first = lines[0].Length > 300 ? lines[0][..300] + "…" : lines[0];
        var frame = lines.FirstOrDefault(l => l.StartsWith("at MailTicketing.", StringComparison.Ordinal) && !l.Contains(".Fuzz.Tests.", StringComparison.Ordinal));
        return $"iteration {Iteration}: {Kind}: {first}{(frame is null ? "" : " " + frame)} (input saved as {SavedAs})";
    }
}
