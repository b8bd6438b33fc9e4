using System.Security.Cryptography;

namespace MailTicketing.Mime.IO;

/// <summary>
/// The decoded bytes of one part. Small content lives in memory in a few chunks; content over
/// the threshold moves to a temporary file that is deleted when this is disposed, so a 50 MB
/// attachment costs a file, not 50 MB of managed heap.
/// </summary>
public sealed class PartContent : IDisposable
{
    private const int FirstChunkSize = 4 * 1024;
    private const int MaxChunkSize = 64 * 1024;

    private readonly int _memoryThreshold;
    private readonly string? _temporaryDirectory;
    private readonly List<byte[]> _chunks = [];
    private int _lastChunkUsed;
    private FileStream? _file;
    private bool _sealed;
    private bool _disposed;

    internal PartContent(int memoryThreshold, string? temporaryDirectory)
    {
        _memoryThreshold = memoryThreshold;
        _temporaryDirectory = temporaryDirectory;
    }

    /// <summary>Content held in memory, for tests and for parts built by hand.</summary>
    public static PartContent FromBytes(ReadOnlySpan<byte> bytes)
    {
        var content = new PartContent(int.MaxValue, null);
        content.Append(bytes);
        content.Seal();
        return content;
    }

    /// <summary>Decoded length in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>True when the content was moved to a temporary file.</summary>
    public bool IsOnDisk => _file is not null;

    internal void Append(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_sealed)
        {
            throw new InvalidOperationException("Content is complete; nothing more can be appended.");
        }

        if (data.IsEmpty)
        {
            return;
        }

        if (_file is null && Length + data.Length > _memoryThreshold)
        {
            SpillToFile();
        }

        if (_file is not null)
        {
            _file.Write(data);
        }
        else
        {
            AppendToChunks(data);
        }

        Length += data.Length;
    }

    internal void Seal()
    {
        _sealed = true;
        _file?.Flush();
    }

    /// <summary>Opens a new read-only stream over the content; several may be open at once.</summary>
    public Stream OpenRead()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_file is not null)
        {
            _file.Flush();
            // A second handle on the same file, so readers never disturb each other's position.
            return new FileStream(_file.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        }

        return new ChunkReadStream(_chunks, Length);
    }

    /// <summary>The whole content as an array. For text bodies and small parts; large parts should be streamed.</summary>
    public byte[] ToArray()
    {
        if (Length > Array.MaxLength)
        {
            throw new InvalidOperationException($"Content of {Length} bytes is too large for an array; stream it with OpenRead.");
        }

        var result = new byte[Length];
        using var stream = OpenRead();
        stream.ReadExactly(result);
        return result;
    }

    public void CopyTo(Stream destination)
    {
        using var stream = OpenRead();
        stream.CopyTo(destination);
    }

    /// <summary>SHA-256 of the decoded bytes, lower-case hex (the blob store's address).</summary>
    public string ComputeSha256()
    {
        using var stream = OpenRead();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _chunks.Clear();
        _file?.Dispose();
    }

    private void AppendToChunks(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_chunks.Count == 0 || _lastChunkUsed == _chunks[^1].Length)
            {
                // A small first write gets a chunk of its own size: the parser appends a small part
                // in one go, so a fixed 4 KiB chunk would be mostly zeroed waste.
                var size = _chunks.Count == 0
                    ? Math.Min(data.Length, FirstChunkSize)
                    : Math.Min(Math.Max(_chunks[^1].Length * 2, FirstChunkSize), MaxChunkSize);
                _chunks.Add(new byte[Math.Max(size, Math.Min(data.Length, MaxChunkSize))]);
                _lastChunkUsed = 0;
            }

            var chunk = _chunks[^1];
            var count = Math.Min(data.Length, chunk.Length - _lastChunkUsed);
            data[..count].CopyTo(chunk.AsSpan(_lastChunkUsed));
            _lastChunkUsed += count;
            data = data[count..];
        }
    }

    private void SpillToFile()
    {
        var directory = _temporaryDirectory ?? Path.GetTempPath();
        var path = Path.Combine(directory, "mt-part-" + Guid.NewGuid().ToString("N") + ".tmp");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose);
        var remaining = Length;
        foreach (var chunk in _chunks)
        {
            var count = (int)Math.Min(chunk.Length, remaining);
            _file.Write(chunk, 0, count);
            remaining -= count;
        }

        _chunks.Clear();
    }
}
