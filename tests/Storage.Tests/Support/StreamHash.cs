using System.Security.Cryptography;

namespace MailTicketing.Storage.Tests.Support;

internal static class StreamHash
{
    /// <summary>SHA-256 and length of a stream read to its end in small pieces.</summary>
    public static async Task<(string Sha256, long Length)> OfAsync(Stream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[65536];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }
}
