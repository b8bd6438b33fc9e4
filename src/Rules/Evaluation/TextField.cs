namespace MailTicketing.Rules.Evaluation;

/// <summary>Which part of the message a keyword, regex or capture looks at; Content is subject and text.</summary>
internal enum TextField
{
    Subject,
    Text,
    Content,
}
