using MailTicketing.Mime.Encodings;
using MailTicketing.Mime.IO;

namespace MailTicketing.Mime.Parsing;

/// <summary>
/// Undoes the transfer encoding of a leaf part on the fly and stores the decoded bytes.
/// Lines are staged into one buffer so the decoder runs on large blocks, not per line.
/// </summary>
internal sealed class DecodingSink : IContentSink
{
    private const int StagingSize = 32 * 1024;

    private readonly IContentDecoder? _decoder;
    private readonly PartContent _content;
    private readonly byte[] _staging;
    private readonly byte[] _decoded;
    private int _staged;

    public DecodingSink(IContentDecoder? decoder, PartContent content)
    {
        _decoder = decoder;
        _content = content;
        _staging = new byte[StagingSize];
        _decoded = decoder is null ? [] : new byte[StagingSize + decoder.MaxFlushLength];
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var count = Math.Min(data.Length, StagingSize - _staged);
            data[..count].CopyTo(_staging.AsSpan(_staged));
            _staged += count;
            data = data[count..];
            if (_staged == StagingSize)
            {
                Drain();
            }
        }
    }

    /// <summary>Pushes out everything staged and what the decoder held back; returns what the decoder had to skip.</summary>
    public DecodeIssues Complete()
    {
        Drain();
        if (_decoder is not null)
        {
            var written = _decoder.Flush(_decoded);
            _content.Append(_decoded.AsSpan(0, written));
        }

        _content.Seal();
        return _decoder?.Issues ?? DecodeIssues.None;
    }

    private void Drain()
    {
        if (_staged == 0)
        {
            return;
        }

        if (_decoder is null)
        {
            _content.Append(_staging.AsSpan(0, _staged));
        }
        else
        {
            var written = _decoder.Decode(_staging.AsSpan(0, _staged), _decoded);
            _content.Append(_decoded.AsSpan(0, written));
        }

        _staged = 0;
    }
}
