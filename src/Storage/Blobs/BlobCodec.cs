using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;

namespace MailTicketing.Storage.Blobs;

/// <summary>
/// How blob bytes are encoded at rest. Brotli at quality 1 was measured against the shared mail
/// corpus (1,975 messages, 42 MB): it stores 47% of the bytes at 35-65 MB/s, where ZLib/GZip at
/// "fastest" store 56-61% at about the same speed and ZLib "optimal" is three times slower.
/// </summary>
internal static class BlobCodec
{
    public const string None = "none";
    public const string Brotli = "brotli";

    private static readonly BrotliCompressionOptions EncoderOptions = new() { Quality = 1 };

    // Brotli's default window (2^22), the one BrotliStream writes with.
    private const int Window = 22;

    public static Stream Encoder(Stream destination) => new BrotliStream(destination, EncoderOptions, leaveOpen: true);

    /// <summary>
    /// Checks <paramref name="content"/> against its key and encodes it in one call. Knowing the
    /// length up front lets Brotli size its tables to the message: on 9 KB mails this takes 10%
    /// less time than the stream, with the same bytes out.
    /// </summary>
    public static EncodedBlob Prepare(string sha256, byte[] content, bool compress)
    {
        var key = BlobKey.Normalize(sha256);
        var actual = Convert.ToHexStringLower(SHA256.HashData(content));
        if (actual != key)
        {
            throw new ArgumentException($"The content's SHA-256 is {actual}, not {key}.", nameof(sha256));
        }

        return Encode(key, content, compress);
    }

    /// <summary>Hashes <paramref name="content"/> for its key and encodes it: for a caller with no hash to check.</summary>
    public static EncodedBlob Prepare(byte[] content, bool compress) =>
        Encode(Convert.ToHexStringLower(SHA256.HashData(content)), content, compress);

    private static EncodedBlob Encode(string key, byte[] content, bool compress)
    {
        if (!compress)
        {
            return new EncodedBlob(key, content, compress, None, content);
        }

        var scratch = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(content.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(content, scratch, out var written, EncoderOptions.Quality, Window))
            {
                throw new InvalidOperationException($"Brotli could not encode blob {key}.");
            }

            return new EncodedBlob(key, content, compress, Brotli, scratch.AsSpan(0, written).ToArray());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    public static Stream Decoder(string compression, Stream stored) => compression switch
    {
        None => stored,
        Brotli => new BrotliStream(stored, CompressionMode.Decompress, leaveOpen: false),
        _ => throw new InvalidDataException($"Unknown blob compression '{compression}'."),
    };
}
