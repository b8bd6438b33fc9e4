namespace MailTicketing.Smtp;

/// <summary>
/// One server reply: the three-digit code, the enhanced status code when the server sent one
/// (RFC 3463, e.g. "5.1.1"), and the text of every line with both codes removed.
/// </summary>
public sealed class SmtpReply
{
    public SmtpReply(int code, string? enhancedStatus, IReadOnlyList<string> lines)
    {
        if (code is < 200 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "an SMTP reply code is 2xx to 5xx");
        }

        Code = code;
        EnhancedStatus = enhancedStatus;
        Lines = lines;
    }

    public int Code { get; }

    /// <summary>
    /// True when the client refused before asking the server (SIZE over the limit, no
    /// SMTPUTF8 or 8BITMIME): the code and enhanced status say what a server would have said.
    /// </summary>
    public bool IsFromClient { get; private init; }

    public string? EnhancedStatus { get; }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>The lines joined with spaces.</summary>
    public string Text => string.Join(' ', Lines);

    /// <summary>2xx or 3xx: the command went through (3xx asks for more).</summary>
    public bool IsPositive => Code < 400;

    /// <summary>4xx: the same command may succeed later (RFC 5321 §4.2.1).</summary>
    public bool IsTransient => Code is >= 400 and < 500;

    /// <summary>5xx: repeating the same command will fail again.</summary>
    public bool IsPermanent => Code >= 500;

    internal static SmtpReply FromClient(int code, string enhancedStatus, string text) =>
        new(code, enhancedStatus, [text]) { IsFromClient = true };

    public override string ToString() =>
        EnhancedStatus is null ? $"{Code} {Text}" : $"{Code} {EnhancedStatus} {Text}";
}
