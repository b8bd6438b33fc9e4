using System.Collections.Immutable;

namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// Finds account UIDs, transaction hashes, order ids, coin amounts and wallet addresses in a
/// message's subject and new text (quoted replies and signatures set aside by
/// <see cref="ReplyParser"/>), in English and Chinese phrasings, and judges the language.
/// </summary>
/// <remarks>
/// Run it on text that <see cref="SecretScanner"/> has already redacted. Hashes labelled as a
/// private key or secret are skipped here too, but a redacted text is the safe order.
/// Never throws on odd input; linear in the length of the text.
/// </remarks>
public static class FactExtractor
{
    public static ExtractedFacts Extract(string? subject, string? newText)
    {
        string foldedSubject = TextFolding.Fold(subject ?? "");
        string foldedText = TextFolding.Fold(newText ?? "");
        var collector = new FactCollector();
        var bareHexChain = ChainHints.ForBareHex(foldedSubject, foldedText);
        new IdentifierScanner(foldedSubject, bareHexChain, collector).Run();
        new IdentifierScanner(foldedText, bareHexChain, collector).Run();
        return new ExtractedFacts(
            collector.Uids.ToImmutableArray(),
            collector.Transactions.ToImmutableArray(),
            collector.Orders.ToImmutableArray(),
            collector.Amounts.ToImmutableArray(),
            collector.Addresses.ToImmutableArray(),
            LanguageDetector.Detect(foldedSubject, foldedText));
    }
}
