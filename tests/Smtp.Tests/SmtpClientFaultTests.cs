using System.Text;
using MailTicketing.Smtp.Tests.Support;
using MailTicketing.Transport;

namespace MailTicketing.Smtp.Tests;

/// <summary>Faults and protocol corners against a scripted server (a real one will not produce them on demand).</summary>
public class SmtpClientFaultTests
{
    private static MemoryStream Message(string text = "Subject: test\r\n\r\nbody\r\n") => new(Encoding.UTF8.GetBytes(text));

    private static SmtpEnvelope Envelope(params string[] recipients) => new() { Sender = "desk@exchange.example", Recipients = recipients };

    [Fact]
    public async Task Greeting_421_is_a_transient_failure_of_the_connection()
    {
        await using var server = FakeSmtpServer.Start(s => s.SendAsync("421 4.3.2 too busy, try later"));

        var e = await Assert.ThrowsAsync<SmtpCommandException>(() => SmtpClient.ConnectAsync(server.Options()));

        Assert.Equal("greeting", e.Command);
        Assert.Equal(421, e.Reply.Code);
        Assert.Equal("4.3.2", e.Reply.EnhancedStatus);
        Assert.True(e.IsTransient);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Greeting_554_is_permanent()
    {
        await using var server = FakeSmtpServer.Start(s => s.SendAsync("554 no service for you"));

        var e = await Assert.ThrowsAsync<SmtpCommandException>(() => SmtpClient.ConnectAsync(server.Options()));

        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task Multi_line_greeting_and_ehlo_reply_give_the_capabilities()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.SendAsync("220-fake.test ESMTP", "220 second greeting line");
            await s.ExpectAsync("EHLO client.test");
            await s.SendAsync("250-fake.test", "250-SIZE 2048", "250-8BITMIME", "250-AUTH=LOGIN", "250-AUTH PLAIN XOAUTH2", "250 SMTPUTF8");
            await s.ExpectAsync("QUIT");
            await s.SendAsync("221 bye");
        });

        await using var client = await SmtpClient.ConnectAsync(server.Options());

        Assert.Equal(2048, client.Capabilities.MaxSize);
        Assert.True(client.Capabilities.EightBitMime);
        Assert.True(client.Capabilities.SmtpUtf8);
        Assert.False(client.Capabilities.Pipelining);
        // "AUTH=LOGIN" is the pre-standard form: its mechanisms count as well.
        Assert.Equal(new HashSet<string> { "LOGIN", "PLAIN", "XOAUTH2" }, client.Capabilities.AuthMechanisms);
        await client.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task Ehlo_refused_falls_back_to_helo_without_extensions()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.SendAsync("220 old.test SMTP");
            await s.ExpectAsync("EHLO ");
            await s.SendAsync("502 5.5.1 command not implemented");
            await s.ExpectAsync("HELO client.test");
            await s.SendAsync("250 old.test");
        });

        await using var client = await SmtpClient.ConnectAsync(server.Options());

        Assert.False(client.Capabilities.Pipelining);
        Assert.Null(client.Capabilities.MaxSize);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Rcpt_451_is_transient_and_the_open_transaction_is_reset()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("8BITMIME");
            await s.ExpectAsync("MAIL FROM:<desk@exchange.example>");
            await s.SendAsync("250 2.1.0 ok");
            await s.ExpectAsync("RCPT TO:<alice@customer.example>");
            await s.SendAsync("451 4.3.0 greylisted, come back later");
            await s.ExpectAsync("RSET");
            await s.SendAsync("250 2.0.0 reset");
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        var result = await client.SendAsync(Envelope("alice@customer.example"), Message());

        var alice = Assert.Single(result.Recipients);
        Assert.Equal(SmtpRecipientStatus.TransientFailure, alice.Status);
        Assert.Equal("4.3.0", alice.Reply.EnhancedStatus);
        Assert.False(result.AllAccepted);
        Assert.True(client.IsConnected);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Recipient_refused_with_550_does_not_stop_delivery_to_the_others()
    {
        byte[]? data = null;
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync();
            await s.ExpectAsync("MAIL FROM:");
            await s.SendAsync("250 ok");
            await s.ExpectAsync("RCPT TO:<alice@customer.example>");
            await s.SendAsync("250 ok");
            await s.ExpectAsync("RCPT TO:<nobody@customer.example>");
            await s.SendAsync("550 5.1.1 <nobody@customer.example>: no such user");
            await s.ExpectAsync("RCPT TO:<bob@customer.example>");
            await s.SendAsync("250 ok");
            await s.ExpectAsync("DATA");
            await s.SendAsync("354 go ahead");
            data = await s.ReadDataAsync();
            await s.SendAsync("250 2.0.0 queued as 1234");
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        var result = await client.SendAsync(Envelope("alice@customer.example", "nobody@customer.example", "bob@customer.example"), Message());

        Assert.Equal(SmtpRecipientStatus.Accepted, result["alice@customer.example"].Status);
        Assert.Equal(SmtpRecipientStatus.Accepted, result["bob@customer.example"].Status);
        Assert.Equal("250 2.0.0 queued as 1234", result["bob@customer.example"].Reply.ToString());
        var nobody = result["nobody@customer.example"];
        Assert.Equal(SmtpRecipientStatus.PermanentFailure, nobody.Status);
        Assert.Equal(550, nobody.Reply.Code);
        Assert.Equal(["nobody@customer.example"], result.Failed.Select(r => r.Address));
        await server.FinishAsync();
        Assert.Equal("Subject: test\r\n\r\nbody\r\n", Encoding.UTF8.GetString(data!));
    }

    [Fact]
    public async Task Pipelining_sends_mail_and_every_rcpt_before_reading_a_reply_and_matches_replies_in_order()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("PIPELINING", "SIZE 100000");
            // No reply is sent until all three commands have arrived: a client that waited
            // for the MAIL reply would time out here.
            await s.ExpectAsync("MAIL FROM:<desk@exchange.example> SIZE=");
            await s.ExpectAsync("RCPT TO:<a@customer.example>");
            await s.ExpectAsync("RCPT TO:<b@customer.example>");
            await s.SendAsync("250 sender ok", "550 5.1.1 a is unknown", "250 b ok");
            await s.ExpectAsync("DATA");
            await s.SendAsync("354 go");
            await s.ReadDataAsync();
            await s.SendAsync("250 queued");
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options(commandTimeout: TimeSpan.FromSeconds(3)));

        var result = await client.SendAsync(Envelope("a@customer.example", "b@customer.example"), Message());

        Assert.Equal([SmtpRecipientStatus.PermanentFailure, SmtpRecipientStatus.Accepted], result.Recipients.Select(r => r.Status));
        Assert.Equal("a is unknown", result["a@customer.example"].Reply.Text);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Mail_from_refused_fails_every_recipient_without_sending_rcpt()
    {
        FakeSmtpSession? session = null;
        await using var server = FakeSmtpServer.Start(async s =>
        {
            session = s;
            await s.GreetAsync();
            await s.ExpectAsync("MAIL FROM:");
            await s.SendAsync("553 5.7.1 sender not allowed");
            await s.ExpectAsync("NOOP");
            await s.SendAsync("250 ok");
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        var result = await client.SendAsync(Envelope("a@customer.example", "b@customer.example"), Message());
        await client.NoopAsync();

        Assert.All(result.Recipients, r => Assert.Equal("5.7.1", r.Reply.EnhancedStatus));
        Assert.All(result.Recipients, r => Assert.Equal(SmtpRecipientStatus.PermanentFailure, r.Status));
        await server.FinishAsync();
        Assert.DoesNotContain(session!.Received, l => l.StartsWith("RCPT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_over_the_announced_size_is_refused_before_anything_is_sent()
    {
        FakeSmtpSession? session = null;
        await using var server = FakeSmtpServer.Start(async s =>
        {
            session = s;
            await s.GreetAsync("SIZE 1000");
            await s.ExpectAsync("QUIT");
            await s.SendAsync("221 bye");
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        var result = await client.SendAsync(Envelope("a@customer.example"), Message("Subject: big\r\n\r\n" + new string('x', 5000)));
        await client.QuitAsync();

        var a = Assert.Single(result.Recipients);
        Assert.Equal(SmtpRecipientStatus.PermanentFailure, a.Status);
        Assert.Equal(552, a.Reply.Code);
        Assert.True(a.Reply.IsFromClient);
        await server.FinishAsync();
        Assert.Equal(["EHLO client.test", "QUIT"], session!.Received);
    }

    [Fact]
    public async Task Size_552_at_the_end_of_data_is_a_permanent_failure_for_every_recipient()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("PIPELINING");
            await s.ExpectAsync("MAIL FROM:");
            await s.ExpectAsync("RCPT TO:");
            await s.SendAsync("250 ok", "250 ok");
            await s.ExpectAsync("DATA");
            await s.SendAsync("354 go");
            await s.ReadDataAsync();
            await s.SendAsync("552 5.3.4 message too big for this mailbox");
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        var result = await client.SendAsync(Envelope("a@customer.example"), Message());

        Assert.Equal(SmtpRecipientStatus.PermanentFailure, Assert.Single(result.Recipients).Status);
        Assert.Equal(552, result.Recipients[0].Reply.Code);
        Assert.False(result.Recipients[0].Reply.IsFromClient);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Connection_cut_in_the_middle_of_data_is_a_transient_protocol_error_and_ends_the_session()
    {
        var cut = new TaskCompletionSource();
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync();
            await s.ExpectAsync("MAIL FROM:");
            await s.SendAsync("250 ok");
            await s.ExpectAsync("RCPT TO:");
            await s.SendAsync("250 ok");
            await s.ExpectAsync("DATA");
            await s.SendAsync("354 go");
            s.Cut();
            cut.SetResult();
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());
        // The source is slower than the cut, so the client is writing (or waiting) when it comes.
        var message = new SlowStream(Encoding.ASCII.GetBytes(new string('x', 200_000)), cut.Task);

        var e = await Assert.ThrowsAsync<SmtpProtocolException>(() => client.SendAsync(Envelope("a@customer.example"), message));

        Assert.True(e.IsTransient);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<SmtpProtocolException>(() => client.NoopAsync());
    }

    [Fact]
    public async Task Message_stream_that_fails_in_the_middle_of_data_ends_the_session()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("PIPELINING");
            await s.ExpectAsync("MAIL FROM:");
            await s.ExpectAsync("RCPT TO:");
            await s.SendAsync("250 ok", "250 ok");
            await s.ExpectAsync("DATA");
            await s.SendAsync("354 go");
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        await Assert.ThrowsAsync<InvalidDataException>(() => client.SendAsync(Envelope("a@customer.example"), new FailingStream()));

        // Half a message went out; a new command would be read as more of it.
        Assert.False(client.IsConnected);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Server_421_after_rcpt_closes_the_session_as_transient()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync();
            await s.ExpectAsync("MAIL FROM:");
            await s.SendAsync("250 ok");
            await s.ExpectAsync("RCPT TO:");
            await s.SendAsync("421 4.4.2 shutting down");
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        var e = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Envelope("a@customer.example"), Message()));

        Assert.Equal("RCPT", e.Command);
        Assert.True(e.IsTransient);
        Assert.False(client.IsConnected);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Silent_server_times_out_as_a_protocol_error()
    {
        var release = new TaskCompletionSource();
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync();
            await s.ExpectAsync("NOOP");
            await release.Task; // never answers
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options(commandTimeout: TimeSpan.FromMilliseconds(300)));

        var e = await Assert.ThrowsAsync<SmtpProtocolException>(() => client.NoopAsync());
        release.SetResult();

        Assert.Contains("timed out", e.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Cancellation_is_reported_as_such_and_the_connection_is_not_reused()
    {
        var release = new TaskCompletionSource();
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync();
            await s.ExpectAsync("NOOP");
            await release.Task;
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.NoopAsync(cts.Token));
        release.SetResult();

        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Data_after_the_starttls_reply_is_refused_as_injected_plain_text()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("STARTTLS");
            await s.ExpectAsync("STARTTLS");
            await s.SendAsync("220 go ahead", "250 injected before the handshake");
        });
        var options = server.Options();

        var e = await Assert.ThrowsAsync<SmtpProtocolException>(() => SmtpClient.ConnectAsync(new SmtpClientOptions
        {
            Host = options.Host,
            Port = options.Port,
            Security = SmtpSecurity.StartTls,
        }));

        Assert.Contains("STARTTLS", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_required_but_not_offered_is_refused_instead_of_continuing_in_plain_text()
    {
        await using var server = FakeSmtpServer.Start(s => s.GreetAsync("AUTH PLAIN"));

        var e = await Assert.ThrowsAsync<SmtpSecurityException>(() => SmtpClient.ConnectAsync(new SmtpClientOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Security = SmtpSecurity.StartTls,
            Credentials = MailCredentials.FromPassword("desk@exchange.example", "secret"),
        }));

        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task Non_ascii_address_uses_smtputf8_when_offered()
    {
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("PIPELINING", "8BITMIME", "SMTPUTF8");
            await s.ExpectAsync("MAIL FROM:<desk@exchange.example> BODY=8BITMIME SMTPUTF8");
            await s.ExpectAsync("RCPT TO:<张伟@customer.example>");
            await s.SendAsync("250 ok", "250 ok");
            await s.ExpectAsync("DATA");
            await s.SendAsync("354 go");
            await s.ReadDataAsync();
            await s.SendAsync("250 ok");
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        var result = await client.SendAsync(Envelope("张伟@customer.example"), Message());

        Assert.True(result.AllAccepted);
        await server.FinishAsync();
    }

    [Fact]
    public async Task Non_ascii_address_without_smtputf8_is_refused_locally()
    {
        await using var server = FakeSmtpServer.Start(s => s.GreetAsync("8BITMIME"));
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        var result = await client.SendAsync(Envelope("张伟@customer.example"), Message());

        var reply = Assert.Single(result.Recipients).Reply;
        Assert.True(reply.IsFromClient);
        Assert.Equal("5.6.7", reply.EnhancedStatus);
    }

    [Fact]
    public async Task Eight_bit_body_without_8bitmime_is_refused_locally()
    {
        await using var server = FakeSmtpServer.Start(s => s.GreetAsync("PIPELINING"));
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        var result = await client.SendAsync(
            new SmtpEnvelope { Sender = "desk@exchange.example", Recipients = ["a@customer.example"], Body = SmtpBodyType.EightBitMime },
            Message());

        Assert.Equal(SmtpRecipientStatus.PermanentFailure, Assert.Single(result.Recipients).Status);
        Assert.Equal("5.6.3", result.Recipients[0].Reply.EnhancedStatus);
    }

    [Theory]
    [InlineData("a@customer.example>\r\nRCPT TO:<evil@elsewhere.example")]
    [InlineData("a b@customer.example")]
    [InlineData("no-at-sign")]
    [InlineData("")]
    public async Task Addresses_that_could_inject_commands_are_refused(string recipient)
    {
        await using var server = FakeSmtpServer.Start(s => s.GreetAsync());
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(Envelope(recipient), Message()));
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Large_unseekable_message_is_streamed_dot_stuffed_and_arrives_intact()
    {
        var body = new StringBuilder("Subject: big\r\n\r\n");
        for (var i = 0; i < 20_000; i++)
        {
            body.Append(i % 7 == 0 ? ".dot line " : "line ").Append(i).Append("\r\n");
        }

        var original = Encoding.ASCII.GetBytes(body.ToString());
        byte[]? data = null;
        await using var server = FakeSmtpServer.Start(async s =>
        {
            await s.GreetAsync("PIPELINING");
            await s.ExpectAsync("MAIL FROM:<desk@exchange.example>");
            await s.ExpectAsync("RCPT TO:");
            await s.SendAsync("250 ok", "250 ok");
            await s.ExpectAsync("DATA");
            await s.SendAsync("354 go");
            data = await s.ReadDataAsync();
            await s.SendAsync("250 ok");
        });
        await using var client = await SmtpClient.ConnectAsync(server.Options());

        var result = await client.SendAsync(Envelope("a@customer.example"), new SlowStream(original, Task.CompletedTask));

        Assert.True(result.AllAccepted);
        await server.FinishAsync();
        var unstuffed = Encoding.ASCII.GetString(data!).Replace("\r\n..", "\r\n.", StringComparison.Ordinal);
        Assert.Equal(body.ToString(), unstuffed);
    }

    private sealed class FailingStream : MemoryStream
    {
        private bool _served;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_served)
            {
                throw new InvalidDataException("the blob store lost the rest");
            }

            _served = true;
            "Subject: half\r\n"u8.CopyTo(buffer.Span);
            return ValueTask.FromResult(15);
        }
    }

    /// <summary>A forward-only source that hands out small pieces, optionally after a signal.</summary>
    private sealed class SlowStream(byte[] data, Task gate) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            var n = Math.Min(Math.Min(buffer.Length, 3000), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer.Span);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
