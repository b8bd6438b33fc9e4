using System.Text;
using System.Text.RegularExpressions;

namespace MailTicketing.Mime.Tests.Writing;

/// <summary>Assertions and decoding helpers over raw written bytes.</summary>
internal static partial class Wire
{
    /// <summary>7-bit, CRLF only, no line over 998 octets, ends with CRLF.</summary>
    public static void AssertStrict(byte[] message)
    {
        var lineLength = 0;
        for (var i = 0; i < message.Length; i++)
        {
            var b = message[i];
            Assert.True(b < 0x80, $"8-bit octet 0x{b:X2} at {i}");
            if (b == (byte)'\r')
            {
                Assert.True(i + 1 < message.Length && message[i + 1] == (byte)'\n', $"bare CR at {i}");
                lineLength = 0;
                i++;
                continue;
            }

            Assert.True(b != (byte)'\n', $"bare LF at {i}");
            Assert.True(b is (byte)'\t' or >= 0x20 and < 0x7f, $"control octet 0x{b:X2} at {i}");
            lineLength++;
            Assert.True(lineLength <= 998, $"line longer than 998 at {i}");
        }

        Assert.True(message.AsSpan().EndsWith("\r\n"u8), "message does not end with CRLF");
    }

    public static string[] HeaderLines(byte[] message)
    {
        var text = Encoding.ASCII.GetString(message);
        return text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
    }

    /// <summary>The physical lines of one (possibly folded) header field, including its first line.</summary>
    public static string[] FieldLines(byte[] message, string name)
    {
        var lines = HeaderLines(message);
        var start = Array.FindIndex(lines, l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        Assert.True(start >= 0, $"no {name} field");
        var end = start + 1;
        while (end < lines.Length && lines[end].Length > 0 && lines[end][0] is ' ' or '\t')
        {
            end++;
        }

        return lines[start..end];
    }

    public static MatchCollection EncodedWords(string text) => EncodedWordPattern().Matches(text);

    /// <summary>Decodes one "=?utf-8?B?...?=" word on its own, failing on any invalid UTF-8.</summary>
    public static string DecodeWord(string word)
    {
        var match = EncodedWordPattern().Match(word);
        Assert.True(match.Success && match.Length == word.Length, $"not an encoded word: {word}");
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        return strict.GetString(Convert.FromBase64String(match.Groups[1].Value));
    }

    /// <summary>Unfolds a field value and decodes its encoded words, joining adjacent ones (RFC 2047 §6.2).</summary>
    public static string DecodeField(byte[] message, string name)
    {
        var lines = FieldLines(message, name);
        var value = string.Concat(lines)[(name.Length + 1)..].TrimStart();
        value = AdjacentWordSpace().Replace(value, "?==?");
        return EncodedWordPattern().Replace(value, m => DecodeWord(m.Value));
    }

    [GeneratedRegex(@"=\?utf-8\?B\?([A-Za-z0-9+/=]*)\?=")]
    private static partial Regex EncodedWordPattern();

    [GeneratedRegex(@"\?=[ \t]+=\?")]
    private static partial Regex AdjacentWordSpace();
}
