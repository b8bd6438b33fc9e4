namespace MailTicketing.Smtp;

/// <summary>
/// The outcome of one <see cref="SmtpClient.SendAsync"/>: one result per recipient, in the
/// envelope's order. Some may be accepted while others are refused.
/// </summary>
public sealed class SmtpSendResult
{
    internal SmtpSendResult(IReadOnlyList<SmtpRecipientResult> recipients)
    {
        Recipients = recipients;
    }

    public IReadOnlyList<SmtpRecipientResult> Recipients { get; }

    public bool AllAccepted => Recipients.All(r => r.Status == SmtpRecipientStatus.Accepted);

    public IEnumerable<SmtpRecipientResult> Accepted => Recipients.Where(r => r.Status == SmtpRecipientStatus.Accepted);

    public IEnumerable<SmtpRecipientResult> Failed => Recipients.Where(r => r.Status != SmtpRecipientStatus.Accepted);

    public SmtpRecipientResult this[string address] =>
        Recipients.FirstOrDefault(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"{address} is not a recipient of this message");
}
