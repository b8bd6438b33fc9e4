namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// An SPF, DKIM or DMARC result as reported in Authentication-Results (RFC 8601 §2.7).
/// <see cref="None"/> also stands for "not reported" and for result words we do not know.
/// </summary>
public enum AuthResult
{
    None,
    Pass,
    Fail,
    SoftFail,
    Neutral,
    TempError,
    PermError,
    Policy,
}
