namespace MailTicketing.Storage.Dialects;

/// <summary>What is known about a stored blob besides its bytes.</summary>
/// <param name="Size">Length of the original bytes.</param>
/// <param name="StoredSize">Length of the stored (possibly compressed) bytes.</param>
internal sealed record BlobHeader(string Sha256, string Compression, long Size, long StoredSize, long CreatedAt);
