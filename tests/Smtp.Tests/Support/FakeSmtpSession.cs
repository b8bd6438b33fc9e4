using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace MailTicketing.Smtp.Tests.Support;

/// <summary>The server side of one fake connection: send reply lines, read command lines and DATA.</summary>
internal sealed class FakeSmtpSession : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly List<byte> _pending = [];

    public FakeSmtpSession(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Every command line received, in order (DATA content excluded).</summary>
    public List<string> Received { get; } = [];

    public async Task SendAsync(params string[] lines)
    {
        var text = string.Concat(lines.Select(l => l + "\r\n"));
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>220 greeting, then answers EHLO with the given extension lines.</summary>
    public async Task GreetAsync(params string[] extensions)
    {
        await SendAsync("220 fake.test ESMTP");
        await ExpectAsync("EHLO ");
        var lines = new List<string> { "fake.test greets you" };
        lines.AddRange(extensions);
        await SendAsync(lines.Select((l, i) => (i == lines.Count - 1 ? "250 " : "250-") + l).ToArray());
    }

    public async Task<string> ExpectAsync(string prefix)
    {
        var line = await ReadLineAsync();
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        return line;
    }

    public async Task<string> ReadLineAsync()
    {
        var line = Encoding.UTF8.GetString(await ReadUntilAsync("\r\n"u8.ToArray()));
        Received.Add(line);
        return line;
    }

    /// <summary>Reads DATA up to the "." line; returns the bytes as sent (still dot-stuffed), ending in CRLF.</summary>
    public async Task<byte[]> ReadDataAsync()
    {
        // The CRLF of the DATA line counts as the line break before an immediate ".".
        _pending.InsertRange(0, "\r\n"u8.ToArray());
        var data = await ReadUntilAsync("\r\n.\r\n"u8.ToArray(), keepFirst: 2);
        return data[2..];
    }

    /// <summary>Whether the client sent anything more before closing (a 1 s look).</summary>
    public async Task<bool> ClientClosedAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var buffer = new byte[1];
        try
        {
            return _pending.Count == 0 && await _stream.ReadAsync(buffer, cts.Token) == 0;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return e is IOException;
        }
    }

    /// <summary>Drops the connection at once (RST), as a crashing server or a broken network would.</summary>
    public void Cut()
    {
        _tcp.Client.LingerState = new LingerOption(true, 0);
        _tcp.Close();
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    // Reads until the terminator; returns what came before it plus its first keepFirst bytes.
    private async Task<byte[]> ReadUntilAsync(byte[] terminator, int keepFirst = 0)
    {
        var buffer = new byte[8192];
        while (true)
        {
            var found = CollectionsMarshal.AsSpan(_pending).IndexOf(terminator);
            if (found >= 0)
            {
                var result = _pending.GetRange(0, found + keepFirst).ToArray();
                _pending.RemoveRange(0, found + terminator.Length);
                return result;
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var read = await _stream.ReadAsync(buffer, cts.Token);
            if (read == 0)
            {
                throw new IOException("the client closed the connection");
            }

            _pending.AddRange(buffer.AsSpan(0, read));
        }
    }
}
