namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// Subject and body with every secret replaced by a marker such as <c>[REDACTED:seed-phrase]</c>,
/// and what was found. Text outside the secrets is returned exactly as given.
/// </summary>
public sealed record SecretScanResult(string Subject, string Body, IReadOnlyList<SecretFinding> Findings)
{
    public bool HasSecrets => Findings.Count > 0;
}
