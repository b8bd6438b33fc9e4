using System.Text;
using MailTicketing.Imap.Protocol;

namespace MailTicketing.Imap.Tests.Support;

/// <summary>Readers over in-memory server bytes, optionally handed out a few bytes per read.</summary>
internal static class Wire
{
    public static ImapReader Reader(string serverText, int bytesPerRead = int.MaxValue, long maxLiteral = 1L << 30) =>
        Reader(Encoding.UTF8.GetBytes(serverText), bytesPerRead, maxLiteral);

    public static ImapReader Reader(byte[] serverBytes, int bytesPerRead = int.MaxValue, long maxLiteral = 1L << 30) =>
        new(new ImapTransport(new TrickleStream(serverBytes, bytesPerRead), TimeSpan.FromSeconds(5)), maxLiteral, null);

    /// <summary>Every token up to and including the first end of line.</summary>
    public static List<ImapToken> Tokens(string line)
    {
        var tokens = new List<ImapToken>();
        var data = Encoding.UTF8.GetBytes(line).AsSpan();
        while (ImapTokenizer.TryRead(data, 1L << 30, out var token, out var consumed))
        {
            tokens.Add(token);
            data = data[consumed..];
            if (token.Kind == ImapTokenKind.Eoln)
            {
                break;
            }
        }

        return tokens;
    }
}
