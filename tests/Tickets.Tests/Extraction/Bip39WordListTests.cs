using System.Security.Cryptography;
using System.Text;
using MailTicketing.Tickets.Extraction;

namespace MailTicketing.Tickets.Tests.Extraction;

// The generated data must be the published BIP-39 lists, unchanged (see
// Data/generate-bip39-wordlists.py). Digests are of the words joined with single spaces.
public class Bip39WordListTests
{
    [Fact]
    public void English_list_is_the_published_one()
    {
        var words = Bip39WordLists.English.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2048, words.Length);
        Assert.Equal("abandon", words[0]);
        Assert.Equal("zoo", words[^1]);
        Assert.Equal("f18b9a84c83e38e98eceb0102b275e26438af83ab08f080cdb780a2caa9f3a6d", Digest(string.Join(' ', words)));
    }

    [Theory]
    [InlineData(nameof(Bip39WordLists.ChineseSimplified), "a86e2bd870e228d19a887c9faae8c1374b4e624e85d2b245b59e36583cba4afc")]
    [InlineData(nameof(Bip39WordLists.ChineseTraditional), "11ef479f2f44b6d4f7fb6239dff06e3cd7a1473b83df6cf91adcbbbee598acf6")]
    public void Chinese_lists_are_the_published_ones(string name, string digest)
    {
        string data = name == nameof(Bip39WordLists.ChineseSimplified) ? Bip39WordLists.ChineseSimplified : Bip39WordLists.ChineseTraditional;
        string characters = string.Concat(data.Where(c => !char.IsWhiteSpace(c)));

        Assert.Equal(2048, characters.Length);
        Assert.Equal(digest, Digest(string.Join(' ', characters.ToCharArray())));
    }

    [Theory]
    [InlineData("crikcet", true)] // letters swapped
    [InlineData("abandn", true)] // letter dropped
    [InlineData("zooo", true)]
    [InlineData("the", false)]
    [InlineData("and", false)]
    [InlineData("xylograph", false)]
    public void Likely_typos_are_near_a_list_word(string word, bool typo)
    {
        Assert.Equal(typo, Bip39.IsLikelyTypo(word));
    }

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
