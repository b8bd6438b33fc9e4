namespace MailTicketing.Tickets.Extraction;

/// <summary>One secret that was redacted. The secret's value is deliberately not kept.</summary>
/// <param name="Kind">What it was.</param>
/// <param name="InSubject">True when it was in the subject rather than the body.</param>
public sealed record SecretFinding(SecretKind Kind, bool InSubject);
