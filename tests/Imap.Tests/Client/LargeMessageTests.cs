using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Imap.Tests.Client;

/// <summary>Runs alone (<see cref="SerialCollection"/>): it measures the process's allocations.</summary>
[Collection(nameof(SerialCollection))]
public sealed class LargeMessageTests
{
    [Fact]
    public async Task A_50_mb_body_is_streamed_to_the_caller_without_being_held_in_memory()
    {
        // The body is one block of base64-like lines sent over and over, so the server side
        // holds 60 KiB, not 50 MB, and the check below can compare block by block.
        var block = new byte[61_440];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = i % 78 == 76 ? (byte)'\r' : i % 78 == 77 ? (byte)'\n' : (byte)('A' + (i * 7 % 26));
        }

        const int repeats = 854;
        const long bodyLength = 61_440L * repeats;
        await using var server = FakeImapServer.Start(async s =>
        {
            await s.GreetLoginSelectAsync();
            var tag = await s.ExpectAsync("UID FETCH 7 (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[])");
            await s.SendAsync($"* 1 FETCH (UID 7 RFC822.SIZE {bodyLength} FLAGS () INTERNALDATE \"05-Mar-2024 06:07:08 +0800\" BODY[] {{{bodyLength}}}\r\n");
            for (var i = 0; i < repeats; i++)
            {
                await s.SendAsync(block);
            }

            await s.SendAsync($")\r\n{tag} OK Fetch completed\r\n");
        });
        await using var client = await ClientFactory.SelectedAsync(server.Options());

        long received = 0;
        var intact = true;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var count = await client.FetchMessagesAsync(ImapUidSet.Of(new ImapUid(7)), async (summary, stream, ct) =>
        {
            Assert.Equal(bodyLength, summary.Size);
            var buffer = new byte[81_920];
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                for (var done = 0; done < read;)
                {
                    var offset = (int)((received + done) % block.Length);
                    var length = Math.Min(read - done, block.Length - offset);
                    intact &= buffer.AsSpan(done, length).SequenceEqual(block.AsSpan(offset, length));
                    done += length;
                }

                received += read;
            }
        }, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        await server.FinishAsync();

        Assert.Equal(1, count);
        Assert.Equal(bodyLength, received);
        Assert.True(intact);
        Assert.True(bodyLength > 50_000_000);
        Assert.True(allocated < 8 * 1024 * 1024, $"fetching a {bodyLength:N0}-byte body allocated {allocated:N0} bytes");
    }
}
