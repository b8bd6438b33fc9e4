namespace MailTicketing.Imap.Tests;

public sealed class ImapUidSetTests
{
    [Fact]
    public void Uids_are_sorted_deduplicated_and_joined_into_ranges()
    {
        var set = ImapUidSet.Of([new(9), new(1), new(2), new(3), new(7), new(3), new(10)]);
        Assert.Equal("1:3,7,9:10", set.ToString());
        Assert.True(set.Contains(new ImapUid(2)));
        Assert.False(set.Contains(new ImapUid(8)));
    }

    [Fact]
    public void An_open_set_contains_everything_from_its_start()
    {
        var set = ImapUidSet.From(new ImapUid(41));
        Assert.Equal("41:*", set.ToString());
        Assert.True(set.Contains(new ImapUid(41)));
        Assert.True(set.Contains(ImapUid.MaxValue));
        Assert.False(set.Contains(new ImapUid(40)));
    }

    [Fact]
    public void Long_sets_are_cut_into_chunks_that_together_hold_every_uid()
    {
        var uids = Enumerable.Range(1, 3000).Where(i => i % 2 == 0).Select(i => new ImapUid((uint)i)).ToList();
        var chunks = ImapUidSet.Of(uids).Chunks(100).ToList();
        Assert.True(chunks.Count > 10);
        Assert.All(chunks, c => Assert.True(c.Length <= 100, c));
        Assert.Equal(uids.Select(u => u.ToString()), chunks.SelectMany(c => c.Split(',')));
    }

    [Fact]
    public void A_range_must_not_end_before_it_starts() =>
        Assert.Throws<ArgumentException>(() => ImapUidSet.Range(new ImapUid(5), new ImapUid(4)));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("1a")]
    public void Uid_parsing_refuses_what_is_not_a_non_zero_32_bit_number(string text) =>
        Assert.False(ImapUid.TryParse(text, out _));
}
