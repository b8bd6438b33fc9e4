namespace MailTicketing.Imap;

/// <summary>The server refused the credentials. Retrying soon with the same ones will not help.</summary>
public sealed class ImapAuthenticationException(string command, ImapResponseStatus status, string? responseCode, string responseText)
    : ImapCommandException(command, status, responseCode, responseText);
