namespace MailTicketing.Tickets.Model;

/// <summary>An attachment of a stored message. Its bytes are in the blob store under <see cref="Sha256"/>; the name is only shown, never used as a path.</summary>
public sealed record StoredAttachment(string? FileName, string ContentType, long Size, string Sha256, string? ContentId, string Disposition);
