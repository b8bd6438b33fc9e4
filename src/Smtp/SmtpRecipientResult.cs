namespace MailTicketing.Smtp;

/// <summary>One recipient's outcome and the reply that decided it (RCPT, MAIL, or the end of DATA).</summary>
public sealed record SmtpRecipientResult(string Address, SmtpRecipientStatus Status, SmtpReply Reply);
