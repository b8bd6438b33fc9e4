namespace MailTicketing.Tickets.Extraction;

internal readonly record struct SecretSpan(int Start, int End, SecretKind Kind);
