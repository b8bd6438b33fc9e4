namespace MailTicketing.Bench.Ingest;

/// <summary>One generated message: the mailbox it was delivered to, a file name that sorts in delivery order, and its bytes.</summary>
/// <param name="Kind">What the generator meant it to be ("new", "reply", "tagged-reply", …), for the report.</param>
internal sealed record GeneratedMail(string Mailbox, string Name, string Kind, byte[] Bytes);
