using System.Collections.Immutable;
using System.Text;

namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// Finds and redacts secrets customers send to support: passwords, private keys (labelled hex,
/// WIF, xprv, PEM), BIP-39 seed phrases (English; Chinese when written as spaced characters),
/// API keys and secrets, authenticator secrets and backup codes. Transaction hashes and wallet
/// addresses are not secrets and stay.
/// </summary>
/// <remarks>
/// Run it over the whole body (quoted parts included) before anything is stored, and run
/// <see cref="ReplyParser"/> and <see cref="FactExtractor"/> on the redacted text. Never throws
/// on odd input; linear in the length of the text.
/// </remarks>
public static class SecretScanner
{
    public static SecretScanResult Redact(string? subject, string? body)
    {
        var findings = new List<SecretFinding>();
        string redactedSubject = RedactText(subject ?? "", inSubject: true, findings);
        string redactedBody = RedactText(body ?? "", inSubject: false, findings);
        return new SecretScanResult(redactedSubject, redactedBody, findings.ToImmutableArray());
    }

    private static string RedactText(string text, bool inSubject, List<SecretFinding> findings)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var spans = SecretDetector.Find(text, TextFolding.Fold(text));
        if (spans.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        int position = 0;
        foreach (var span in spans)
        {
            builder.Append(text, position, span.Start - position).Append(Marker(span.Kind));
            position = span.End;
            findings.Add(new SecretFinding(span.Kind, inSubject));
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private static string Marker(SecretKind kind) => kind switch
    {
        SecretKind.Password => "[REDACTED:password]",
        SecretKind.PrivateKey => "[REDACTED:private-key]",
        SecretKind.SeedPhrase => "[REDACTED:seed-phrase]",
        SecretKind.ApiSecret => "[REDACTED:api-secret]",
        _ => "[REDACTED:2fa-secret]",
    };
}
