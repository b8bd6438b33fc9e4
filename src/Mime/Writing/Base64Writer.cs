using System.Buffers;

namespace MailTicketing.Mime.Writing;

/// <summary>Base64 content transfer encoding in 76-character lines (RFC 2045 §6.8).</summary>
internal static class Base64Writer
{
    // 57 input octets make exactly one 76-character line.
    private const int BytesPerLine = 57;
    private const int CharsPerLine = 76;

    public static void Write(ReadOnlySpan<byte> data, AsciiSink sink)
    {
        if (data.IsEmpty)
        {
            // An empty body still gets its own (empty) line so the next delimiter's CRLF stays its own.
            sink.WriteLine();
            return;
        }

        Span<char> line = stackalloc char[CharsPerLine];
        while (!data.IsEmpty)
        {
            var chunk = data[..Math.Min(BytesPerLine, data.Length)];
            Convert.TryToBase64Chars(chunk, line, out var written);
            sink.WriteLine(line[..written]);
            data = data[chunk.Length..];
        }
    }

    public static void Write(Stream source, AsciiSink sink)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BytesPerLine * 1024);
        try
        {
            var filled = 0;
            var any = false;
            while (true)
            {
                var read = source.Read(buffer, filled, BytesPerLine * 1024 - filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                var whole = filled / BytesPerLine * BytesPerLine;
                if (whole > 0)
                {
                    Write(buffer.AsSpan(0, whole), sink);
                    any = true;
                    buffer.AsSpan(whole, filled - whole).CopyTo(buffer);
                    filled -= whole;
                }
            }

            if (filled > 0 || !any)
            {
                Write(buffer.AsSpan(0, filled), sink);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
