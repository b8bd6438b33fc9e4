using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MailTicketing.Imap.Tests.Support;

/// <summary>The server side of one fake connection: read client lines and literals, send anything.</summary>
internal sealed class FakeSession(TcpClient tcp)
{
    private Stream _stream = tcp.GetStream();
    private readonly Queue<byte> _pending = new();
    private bool _aborted;

    /// <summary>Every line the client sent, in order, without line ends.</summary>
    public List<string> Received { get; } = [];

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public Task SendAsync(byte[] bytes) => SendAsync(bytes.AsMemory());

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>The next line from the client, without CRLF; null when the client closed the connection.</summary>
    public async Task<string?> ReadLineAsync()
    {
        var line = new List<byte>();
        while (true)
        {
            var b = await ReadByteAsync();
            if (b < 0)
            {
                return line.Count == 0 ? null : Encoding.UTF8.GetString([.. line]);
            }

            if (b == '\n')
            {
                var text = Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
                Received.Add(text);
                return text;
            }

            line.Add((byte)b);
        }
    }

    /// <summary>Reads a command and checks it is <paramref name="expected"/> (after the tag); returns the tag.</summary>
    public async Task<string> ExpectAsync(string expected)
    {
        var line = await ReadLineAsync() ?? throw new InvalidOperationException($"the client closed the connection; expected {expected}");
        var space = line.IndexOf(' ');
        Assert.True(space > 0, $"'{line}' has no tag");
        Assert.Equal(expected, line[(space + 1)..]);
        return line[..space];
    }

    /// <summary>Reads a command whose text (after the tag) starts with <paramref name="prefix"/>; returns tag and text.</summary>
    public async Task<(string Tag, string Text)> ExpectPrefixAsync(string prefix)
    {
        var line = await ReadLineAsync() ?? throw new InvalidOperationException($"the client closed the connection; expected {prefix}");
        var space = line.IndexOf(' ');
        var text = line[(space + 1)..];
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        return (line[..space], text);
    }

    public async Task<byte[]> ReadBytesAsync(int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var b = await ReadByteAsync();
            if (b < 0)
            {
                throw new EndOfStreamException();
            }

            bytes[i] = (byte)b;
        }

        return bytes;
    }

    /// <summary>Greets with the given capabilities, accepts LOGIN and SELECT of INBOX (UIDVALIDITY 7, EXISTS 3).</summary>
    public async Task GreetLoginSelectAsync(string capabilities = "IMAP4rev1 UIDPLUS MOVE IDLE")
    {
        await SendAsync($"* OK [CAPABILITY {capabilities}] fake ready\r\n");
        var tag = await ExpectAsync("LOGIN user secret");
        await SendAsync($"{tag} OK [CAPABILITY {capabilities}] logged in\r\n");
        tag = await ExpectAsync("SELECT INBOX");
        await SendAsync("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n* 3 EXISTS\r\n* 0 RECENT\r\n"
            + "* OK [UIDVALIDITY 7] UIDs valid\r\n* OK [UIDNEXT 41] Predicted next UID\r\n"
            + $"{tag} OK [READ-WRITE] Select completed\r\n");
    }

    public async Task UpgradeToTlsAsync(X509Certificate2 certificate)
    {
        var tls = new SslStream(_stream);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate });
        _stream = tls;
    }

    /// <summary>
    /// Ends the connection the polite way (FIN after everything sent), so the client reads all
    /// data and then the end of the stream; what the client still sends is read and dropped.
    /// </summary>
    public void Close()
    {
        if (_aborted)
        {
            return;
        }

        try
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return;
        }

        _ = DrainThenDisposeAsync();
    }

    /// <summary>Ends the connection abruptly (RST): data not yet delivered may be lost.</summary>
    public void Abort()
    {
        if (_aborted)
        {
            return;
        }

        _aborted = true;
        try
        {
            tcp.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        tcp.Dispose();
    }

    private async Task DrainThenDisposeAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (await _stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The client is gone either way.
        }

        Abort();
    }

    private async Task<int> ReadByteAsync()
    {
        if (_pending.TryDequeue(out var next))
        {
            return next;
        }

        var buffer = new byte[4096];
        int read;
        try
        {
            read = await _stream.ReadAsync(buffer);
        }
        catch (IOException)
        {
            return -1;
        }

        if (read == 0)
        {
            return -1;
        }

        foreach (var b in buffer.AsSpan(1, read - 1))
        {
            _pending.Enqueue(b);
        }

        return buffer[0];
    }
}
