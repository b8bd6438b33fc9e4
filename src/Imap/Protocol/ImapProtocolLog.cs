using System.Text;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// Writes the conversation line by line ("C: ", "S: ") to the configured sink. Credentials
/// never reach it: the command builder hands over a masked form, and literal contents
/// (message bodies, literal strings) show only as their length.
/// </summary>
internal sealed class ImapProtocolLog(Action<string> sink)
{
    private const int MaxLineChars = 4096;
    private readonly StringBuilder _server = new();

    public void Client(string line) => sink("C: " + line);

    public void Server(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            var part = end < 0 ? bytes : bytes[..end];
            if (_server.Length < MaxLineChars)
            {
                _server.Append(Encoding.UTF8.GetString(part[..Math.Min(part.Length, MaxLineChars)]).TrimEnd('\r'));
            }

            if (end < 0)
            {
                return;
            }

            FlushServer();
            bytes = bytes[(end + 1)..];
        }
    }

    public void ServerLiteral(long length) => _server.Append('[').Append(length).Append(" bytes]");

    public void FlushServer()
    {
        if (_server.Length > 0)
        {
            sink("S: " + (_server.Length > MaxLineChars ? _server.ToString(0, MaxLineChars) + "..." : _server.ToString()));
            _server.Clear();
        }
    }
}
