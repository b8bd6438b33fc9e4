namespace MailTicketing.Imap;

/// <summary>
/// The server answered a command with NO or BAD. The connection stays usable.
/// </summary>
public class ImapCommandException : ImapException
{
    public ImapCommandException(string command, ImapResponseStatus status, string? responseCode, string responseText)
        : base($"IMAP {command} failed: {status}{(responseCode is null ? "" : $" [{responseCode}]")} {responseText}".TrimEnd())
    {
        Command = command;
        Status = status;
        ResponseCode = responseCode;
        ResponseText = responseText;
    }

    /// <summary>The command name, e.g. "SELECT" or "UID FETCH" (never its arguments).</summary>
    public string Command { get; }

    public ImapResponseStatus Status { get; }

    /// <summary>The response code's name, e.g. "TRYCREATE" or "NONEXISTENT" (RFC 5530), if any.</summary>
    public string? ResponseCode { get; }

    public string ResponseText { get; }
}
