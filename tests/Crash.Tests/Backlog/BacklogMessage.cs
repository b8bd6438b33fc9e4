namespace MailTicketing.Crash.Tests.Backlog;

/// <summary>One message of the backlog and the problem (so the ticket) it belongs to, known by construction.</summary>
internal sealed record BacklogMessage(int Index, BacklogKind Kind, int Problem, string Customer, string MessageId, byte[] Bytes);
