namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// A text body split into what the sender wrote now and what they set aside. Each part keeps its
/// lines as written (quote marks included), joined with "\n", without leading or trailing blank lines.
/// </summary>
/// <param name="NewText">What the sender wrote in this message: the text to extract facts from.</param>
/// <param name="QuotedText">Earlier messages quoted in a reply ("&gt; " lines, "On … wrote:", "-----原始邮件-----", Outlook header blocks).</param>
/// <param name="SignatureText">The sender's signature ("-- " and what follows, "Sent from my iPhone", "发自我的iPhone").</param>
/// <param name="ForwardedText">Forwarded content, e.g. a suspected phishing mail the customer passes on: kept as evidence, not as their words.</param>
public sealed record ReplySplit(string NewText, string QuotedText, string SignatureText, string ForwardedText);
