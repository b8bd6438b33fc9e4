using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace MailTicketing.Storage.Blobs;

/// <summary>A blob's key: the SHA-256 of its original bytes as 64 lower-case hex digits.</summary>
internal static class BlobKey
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static bool TryNormalize(string? sha256, [NotNullWhen(true)] out string? key)
    {
        key = null;
        if (sha256 is null || sha256.Length != 64 || sha256.AsSpan().ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        key = sha256.ToLowerInvariant();
        return true;
    }

    public static string Normalize(string sha256) =>
        TryNormalize(sha256, out var key)
            ? key
            : throw new ArgumentException($"'{sha256}' is not a SHA-256 in hex (64 hex digits).", nameof(sha256));
}
