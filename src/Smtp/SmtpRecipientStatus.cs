namespace MailTicketing.Smtp;

/// <summary>What happened to a message for one recipient.</summary>
public enum SmtpRecipientStatus
{
    /// <summary>The server took responsibility for delivery (RCPT and the end of DATA both accepted).</summary>
    Accepted,

    /// <summary>Refused with 4xx: try again later.</summary>
    TransientFailure,

    /// <summary>Refused with 5xx (or refused by the client before sending): do not retry as is.</summary>
    PermanentFailure,
}
