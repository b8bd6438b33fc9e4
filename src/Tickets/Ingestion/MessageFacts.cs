using MailTicketing.Mime;
using MailTicketing.Tickets.Model;
using MailTicketing.Tickets.Threading;

namespace MailTicketing.Tickets.Ingestion;

/// <summary>What ingestion learns from a message's text: stored (redacted) subject and text, language, identifiers, secrets, authentication.</summary>
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
    public static MessageFacts Read(MimeMessage message, string mailbox)
    {
        var subject = message.Subject ?? "";
        var text = message.TextBody ?? "";
        var cjk = text.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var language = cjk * 5 > text.Count(char.IsLetter) && cjk > 0 ? "zh" : "en";
        return new MessageFacts(subject, text, language, [], [], false, null, TextFingerprint.Compute(text));
    }
}
