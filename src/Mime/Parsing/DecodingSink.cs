using System.Buffers;
using MailTicketing.Mime.Encodings;
using MailTicketing.Mime.IO;

namespace MailTicketing.Mime.Parsing;

/// <summary>
/// Undoes the transfer encoding of a leaf part on the fly and stores the decoded bytes.
/// Lines are staged into one buffer so the decoder runs on large blocks, not per line.
/// The buffers are rented from the shared pool (most parts are small, and fresh arrays per part
/// cost more in zeroing than the decoding itself) and go back in <see cref="Complete"/>.
/// </summary>
internal sealed class DecodingSink : IContentSink
{
    private const int StagingSize = 32 * 1024;

    private readonly IContentDecoder? _decoder;
    private readonly PartContent _content;
    private byte[]? _staging;
    private byte[]? _decoded;
    private int _staged;

    public DecodingSink(IContentDecoder? decoder, PartContent content)
    {
        _decoder = decoder;
        _content = content;
        _staging = ArrayPool<byte>.Shared.Rent(StagingSize);
        _decoded = decoder is null ? null : ArrayPool<byte>.Shared.Rent(StagingSize);
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        var staging = _staging ?? throw new InvalidOperationException("The part is complete; nothing more can be written.");
        while (!data.IsEmpty)
        {
            var count = Math.Min(data.Length, StagingSize - _staged);
            data[..count].CopyTo(staging.AsSpan(_staged));
            _staged += count;
            data = data[count..];
            if (_staged == StagingSize)
            {
                Drain(staging);
            }
        }
    }

    /// <summary>
    /// Pushes out everything staged and what the decoder held back, seals the content and returns
    /// the buffers; returns what the decoder had to skip. Calling it again only repeats the issues.
    /// </summary>
    public DecodeIssues Complete()
    {
        if (_staging is { } staging)
        {
            Drain(staging);
            if (_decoder is not null)
            {
                // The staging buffer is empty now and far longer than any decoder's flush output.
                var written = _decoder.Flush(staging);
                _content.Append(staging.AsSpan(0, written));
            }

            _content.Seal();
            ReturnBuffers();
        }

        return _decoder?.Issues ?? DecodeIssues.None;
    }

    private void Drain(byte[] staging)
    {
        if (_staged == 0)
        {
            return;
        }

        if (_decoder is null)
        {
            _content.Append(staging.AsSpan(0, _staged));
        }
        else
        {
            var decoded = _decoded!;
            var written = _decoder.Decode(staging.AsSpan(0, _staged), decoded);
            _content.Append(decoded.AsSpan(0, written));
        }

        _staged = 0;
    }

    private void ReturnBuffers()
    {
        // Fields are cleared before the arrays go back, so nothing here can touch or return them again.
        var staging = _staging;
        var decoded = _decoded;
        _staging = null;
        _decoded = null;
        if (staging is not null)
        {
            ArrayPool<byte>.Shared.Return(staging);
        }

        if (decoded is not null)
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }
}
