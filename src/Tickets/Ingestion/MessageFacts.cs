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
    IReadOnlyList<CoinAmount> Amounts,
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
        identifiers.AddRange(facts.TransactionIds.Select(tx => new Identifier(IdentifierKind.TransactionId, CanonicalHash(tx.Value), ChainName(tx.Chain))));

        // Order numbers are matched without case: customers retype "wd2024…" for "WD2024…".
        identifiers.AddRange(facts.OrderIds.Select(order => new Identifier(IdentifierKind.OrderId, order.ToUpperInvariant())));
        identifiers.AddRange(facts.WalletAddresses.Select(address => new Identifier(IdentifierKind.WalletAddress, address.Value, ChainName(address.Chain))));

        return new MessageFacts(
            redacted.Subject,
            redacted.Body,
            facts.Language == TextLanguage.Chinese ? "zh" : "en",
            identifiers,
            facts.Amounts,
            redacted.Findings.Select(f => SecretName(f.Kind)).Distinct().ToList(),
            authentication.HasFailure,
            authentication.HasFailure ? authentication.Explanation : null,
            TextFingerprint.Compute(split.NewText));
    }

    /// <summary>Hex hashes compare without case; base58 ones (Solana) are case-sensitive and stay as written.</summary>
    private static string CanonicalHash(string value)
    {
        var hex = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value.AsSpan(2) : value.AsSpan();
        return hex.ContainsAnyExcept("0123456789abcdefABCDEF") ? value : value.ToLowerInvariant();
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
