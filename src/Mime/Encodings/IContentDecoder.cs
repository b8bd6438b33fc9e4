namespace MailTicketing.Mime.Encodings;

/// <summary>
/// A streaming transfer-encoding decoder. It keeps its state between calls, so the encoded
/// input may be split at any byte. Decoding never expands: <c>output</c> needs no more room
/// than <c>input.Length</c> (plus <see cref="MaxFlushLength"/> for <see cref="Flush"/>).
/// A shorter span is a caller bug and throws <see cref="ArgumentException"/>; malformed input
/// never throws. Bytes a call releases beyond its own input length (held-back input resolved
/// late, such as a split "=4" that proves literal) are kept and written by the next call or Flush.
/// </summary>
public interface IContentDecoder
{
    /// <summary>Decodes <paramref name="input"/> into <paramref name="output"/>; returns the bytes written.</summary>
    int Decode(ReadOnlySpan<byte> input, Span<byte> output);

    /// <summary>Ends the input and writes anything held back; returns the bytes written.</summary>
    int Flush(Span<byte> output);

    /// <summary>The most bytes <see cref="Flush"/> can write.</summary>
    int MaxFlushLength { get; }

    /// <summary>What was wrong with the input so far (junk characters, bad padding, …).</summary>
    DecodeIssues Issues { get; }

    /// <summary>Clears all state so the decoder can be reused for another part.</summary>
    void Reset();
}
