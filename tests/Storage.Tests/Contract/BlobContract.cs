using System.Text;
using MailTicketing.Storage.Tests.Support;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>Content-addressed blobs: compressed or not, small or 20 MB, stored once.</summary>
public abstract class BlobContract<TProvider> : StoreContract<TProvider>
    where TProvider : IStoreProvider, new()
{
    private const long TwentyMegabytes = 20L * 1024 * 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_small_blob_reads_back_byte_for_byte(bool compress)
    {
        var (sha, bytes) = Samples.Content("Subject: 提现未到账\r\n\r\nUID 88001\r\n" + new string('x', 3000));

        await InSessionAsync(async session =>
        {
            await session.PutBlobAsync(sha, new MemoryStream(bytes), compress);
            return 0;
        });
        await using var stream = await Store.OpenBlobAsync(sha, Ct);
        var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(bytes.Length, stream.Length);
    }

    [Fact]
    public async Task An_empty_blob_reads_back_empty()
    {
        var (sha, bytes) = Samples.Content("");

        await InSessionAsync(async session =>
        {
            await session.PutBlobAsync(sha, new MemoryStream(bytes), compress: true);
            return 0;
        });
        await using var stream = await Store.OpenBlobAsync(sha, Ct);

        Assert.Equal((sha, 0L), await StreamHash.OfAsync(stream!));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public async Task A_20_MB_blob_streams_in_and_out_with_its_hash_intact(bool text, bool compress)
    {
        var (sha, length) = await StreamHash.OfAsync(new GeneratedStream(TwentyMegabytes, text));

        // Measured on a thread of its own: the storing code runs synchronously underneath, and no
        // other test's work can land on this thread between the two readings.
        long allocated = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            InSessionAsync(async session =>
            {
                await session.PutBlobAsync(sha, new GeneratedStream(TwentyMegabytes, text), compress);
                return 0;
            }).GetAwaiter().GetResult();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        thread.Start();
        thread.Join();
        await using var stream = await Store.OpenBlobAsync(sha, Ct);

        Assert.Equal((sha, length), await StreamHash.OfAsync(stream!));
        Assert.True(allocated < 8 * 1024 * 1024, $"Storing a 20 MB blob allocated {allocated:N0} bytes on the storing thread.");
    }

    [Fact]
    public async Task Storing_a_blob_that_is_already_there_does_not_read_the_content()
    {
        var (sha, bytes) = Samples.Content("the same raw message");
        await InSessionAsync(async session =>
        {
            await session.PutBlobAsync(sha, new MemoryStream(bytes), compress: true);
            return 0;
        });

        await InSessionAsync(async session =>
        {
            await session.PutBlobAsync(sha, new ThrowingStream(), compress: false);
            await session.PutBlobAsync(sha.ToUpperInvariant(), new ThrowingStream(), compress: true);
            return 0;
        });
        await using var stream = await Store.OpenBlobAsync(sha, Ct);

        Assert.Equal((sha, bytes.Length), await StreamHash.OfAsync(stream!));
    }

    [Fact]
    public async Task Content_that_does_not_match_its_hash_is_refused()
    {
        var (sha, _) = Samples.Content("what the caller hashed");
        await using var session = await Store.BeginAsync(Ct);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => session.PutBlobAsync(sha, new MemoryStream(Encoding.UTF8.GetBytes("something else")), compress: true));

        Assert.Contains(sha, error.Message);
    }

    [Theory]
    [InlineData(true, 3000)]
    [InlineData(false, 3000)]
    [InlineData(true, 0)]
    public async Task A_blob_prepared_ahead_of_its_transaction_reads_back_byte_for_byte(bool compress, int padding)
    {
        var (sha, bytes) = Samples.Content(padding == 0 ? "" : "Subject: 提现未到账\r\n\r\nUID 88001\r\n" + new string('x', padding));
        var prepared = Store.PrepareBlob(sha, bytes, compress);

        await InSessionAsync(async session =>
        {
            await session.PutBlobAsync(prepared);
            return 0;
        });
        await using var stream = await Store.OpenBlobAsync(sha, Ct);

        Assert.Equal((sha, (long)bytes.Length), await StreamHash.OfAsync(stream!));
    }

    [Fact]
    public async Task A_prepared_blob_already_stored_from_a_stream_is_kept_as_it_was()
    {
        var (sha, bytes) = Samples.Content("the same raw message, delivered twice");
        await InSessionAsync(async session =>
        {
            await session.PutBlobAsync(sha, new MemoryStream(bytes), compress: false);
            return 0;
        });

        await InSessionAsync(async session =>
        {
            await session.PutBlobAsync(Store.PrepareBlob(sha.ToUpperInvariant(), bytes, compress: true));
            return 0;
        });
        await using var stream = await Store.OpenBlobAsync(sha, Ct);

        Assert.Equal((sha, (long)bytes.Length), await StreamHash.OfAsync(stream!));
    }

    [Fact]
    public void Preparing_content_that_does_not_match_its_hash_is_refused()
    {
        var (sha, _) = Samples.Content("what the caller hashed");

        var error = Assert.Throws<ArgumentException>(() => Store.PrepareBlob(sha, Encoding.UTF8.GetBytes("something else"), compress: true));

        Assert.Contains(sha, error.Message);
    }

    [Theory]
    [InlineData("not-a-hash")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Opening_a_blob_that_is_not_there_gives_null(string sha)
    {
        Assert.Null(await Store.OpenBlobAsync(sha, Ct));
    }
}
