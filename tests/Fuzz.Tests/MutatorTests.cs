using System.Text;
using MailTicketing.Fuzz.Tests.Engine;

namespace MailTicketing.Fuzz.Tests;

public sealed class MutatorTests
{
    private static readonly byte[] Seed = Encoding.ASCII.GetBytes(
        "From: alice@customer.example\r\nTo: support@exchange.example\r\nSubject: help\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nhello=20there\r\n--b--\r\n");

    private static readonly byte[] Donor = Encoding.ASCII.GetBytes("Received: from mx\r\nX-Donor: yes\r\nFrom: bob@example.com\r\n\r\nbody of the donor\r\n");

    private static FuzzSettings Settings(int seed) => new(seed, 10, TimeSpan.MaxValue, TimeSpan.FromSeconds(10), Path.GetTempPath(), null);

    [Fact]
    public void The_same_seed_and_iteration_give_the_same_input_in_any_order()
    {
        var run = new FuzzRun(Settings(42), [Seed, Donor], new Mutator([Seed, Donor], 64 * 1024));
        var forward = Enumerable.Range(0, 50).Select(i => run.Input(i).Input).ToList();
        var backward = Enumerable.Range(0, 50).Reverse().Select(i => run.Input(i).Input).Reverse().ToList();

        Assert.Equal(forward, backward);
        Assert.True(forward.Distinct(new BytesComparer()).Count() > 40, "iterations should differ");
    }

    [Fact]
    public void Another_seed_gives_other_inputs()
    {
        var a = new FuzzRun(Settings(1), [Seed, Donor], new Mutator([Seed, Donor], 64 * 1024));
        var b = new FuzzRun(Settings(2), [Seed, Donor], new Mutator([Seed, Donor], 64 * 1024));

        var same = Enumerable.Range(0, 30).Count(i => a.Input(i).Input.AsSpan().SequenceEqual(b.Input(i).Input));

        Assert.True(same < 5, $"{same} of 30 inputs were equal across seeds");
    }

    [Fact]
    public void Every_mutation_changes_some_message_and_none_throws_or_passes_the_size_limit()
    {
        const int maxSize = 16 * 1024;
        var mutator = new Mutator([Seed, Donor], maxSize);
        foreach (var (name, apply) in mutator.Mutations)
        {
            var changed = 0;
            for (var i = 0; i < 50; i++)
            {
                var random = new Random(i);
                var applied = new List<string>();
                var data = new List<byte>(Seed);
                apply(random, data);
                changed += data.SequenceEqual(Seed) ? 0 : 1;
                Assert.True(mutator.Mutate(new Random(i), Seed, applied).Length <= maxSize, $"{string.Join(", ", applied)} passed the size limit");
            }

            Assert.True(changed > 25, $"{name} changed only {changed} of 50 messages");
        }
    }

    [Fact]
    public void Mutations_of_an_empty_message_do_not_throw()
    {
        var mutator = new Mutator([Seed, Donor], 4096);
        foreach (var (name, apply) in mutator.Mutations)
        {
            var data = new List<byte>();
            var exception = Record.Exception(() => apply(new Random(1), data));
            Assert.True(exception is null, $"{name}: {exception}");
        }
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
