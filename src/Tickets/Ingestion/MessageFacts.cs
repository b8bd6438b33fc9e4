using MailTicketing.Mime;
using MailTicketing.Tickets.Extraction;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Threading;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>
/// What ingestion learns from a message's text. Secrets are redacted first, over the whole
/// body and the subject, so nothing stored or extracted can contain them; identifiers come
/// from the subject and the new text only (quoted replies and signatures set aside).
/// </summary>
internal sealed record MessageFacts(
    string Subject,
    string Text,
    string Language,
    IReadOnlyList<Identifier> Identifiers,
    IReadOnlyList<string> SecretKinds,
    bool AuthenticationFailed,
    string? AuthenticationDetail,
    long Fingerprint)
{
    public static MessageFacts Read(MimeMessage message, string? trustedAuthServId)
    {
        var redacted = SecretScanner.Redact(message.Subject ?? "", message.TextBody ?? "");
        var split = ReplyParser.Split(redacted.Body, redacted.Subject);
        var facts = FactExtractor.Extract(redacted.Subject, split.NewText);
        var authentication = AuthenticationResults.Parse(message.Headers.FindAll("Authentication-Results").Select(h => h.Value), trustedAuthServId);

        var identifiers = new List<Identifier>();
        identifiers.AddRange(facts.AccountUids.Select(uid => new Identifier(IdentifierKind.AccountUid, uid)));
        identifiers.AddRange(facts.TransactionIds.Select(tx => new Identifier(IdentifierKind.TransactionId, tx.Value, ChainName(tx.Chain))));
        identifiers.AddRange(facts.OrderIds.Select(order => new Identifier(IdentifierKind.OrderId, order)));
        identifiers.AddRange(facts.WalletAddresses.Select(address => new Identifier(IdentifierKind.WalletAddress, address.Value, ChainName(address.Chain))));

        return new MessageFacts(
            redacted.Subject,
            redacted.Body,
            facts.Language == TextLanguage.Chinese ? "zh" : "en",
            identifiers,
            redacted.Findings.Select(f => SecretName(f.Kind)).Distinct().ToList(),
            authentication.HasFailure,
            authentication.HasFailure ? authentication.Explanation : null,
            TextFingerprint.Compute(split.NewText));
    }

    private static string ChainName(ChainGuess chain) => chain switch
    {
        ChainGuess.Evm => "evm",
        ChainGuess.Bitcoin => "bitcoin",
        ChainGuess.Tron => "tron",
        ChainGuess.Solana => "solana",
        _ => "hex64",
    };

    /// <summary>The words the acknowledgement uses to tell the customer what to change.</summary>
    private static string SecretName(SecretKind kind) => kind switch
    {
        SecretKind.Password => "password",
        SecretKind.PrivateKey => "private key",
        SecretKind.SeedPhrase => "seed phrase",
        SecretKind.ApiSecret => "API secret",
        SecretKind.TwoFactorSecret => "2FA secret",
        _ => kind.ToString(),
    };
}
