namespace MailTicketing.Mime.Parsing;

/// <summary>What ended a stretch of body: a boundary (by nesting level), the end of input, or nothing yet.</summary>
internal readonly record struct BoundaryMatch(int Level, bool IsClose)
{
    public static readonly BoundaryMatch None = new(-1, false);
    public static readonly BoundaryMatch EndOfInput = new(-2, false);

    public bool IsEndOfInput => Level == -2;
}
