namespace MailTicketing.Tickets.Extraction;

/// <summary>The language to answer in, judged by the share of Chinese characters in the text.</summary>
public enum TextLanguage
{
    English,
    Chinese,
}
