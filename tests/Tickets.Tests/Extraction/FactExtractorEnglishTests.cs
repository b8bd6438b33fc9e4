using MailTicketing.Tickets.Extraction;

namespace MailTicketing.Tickets.Tests.Extraction;

public class FactExtractorEnglishTests
{
    private const string EvmTx = "0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3";
    private const string Hex = "5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033";

    [Theory]
    [InlineData("My UID: 50117733", "50117733")]
    [InlineData("UID 123456", "123456")]
    [InlineData("uid=88990011 (main account)", "88990011")]
    [InlineData("my uid is 77123456, please check", "77123456")]
    [InlineData("Account ID: 36925814.", "36925814")]
    [InlineData("User ID - 4400112233", "4400112233")]
    [InlineData("Hi team, my account UID is: 50117733\nthanks", "50117733")]
    [InlineData("My account number is 20193847", "20193847")]
    [InlineData("UID #1029384756", "1029384756")]
    [InlineData("UID12345678 cannot withdraw", "12345678")]
    [InlineData("I moved funds from UID 12345678 to my other account", "12345678")]
    [InlineData("my UID's 55667788 and I need help", null)]
    public void Labelled_uids_in_english_are_extracted(string text, string? expected)
    {
        var facts = FactExtractor.Extract(null, text);

        Assert.Equal(expected is null ? [] : [expected], facts.AccountUids);
    }

    [Fact]
    public void Sample_account_compromise_mail_yields_uid_and_evm_txid()
    {
        const string body = """
            Hi,

            I just got a login alert from an IP in a country I have never been to.
            My account UID is 50117733. Please freeze withdrawals until I can reset
            my 2FA. I did NOT approve the withdrawal with TxID
            0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3

            Thanks,
            Jane
            """;

        var facts = FactExtractor.Extract("Unauthorized login on my account - please freeze", body);

        Assert.Equal(["50117733"], facts.AccountUids);
        Assert.Equal([new TransactionId(EvmTx, ChainGuess.Evm)], facts.TransactionIds);
        Assert.Empty(facts.OrderIds);
        Assert.Empty(facts.Amounts);
        Assert.Equal(TextLanguage.English, facts.Language);
    }

    [Fact]
    public void Several_uids_after_one_label_are_all_taken()
    {
        var facts = FactExtractor.Extract(null, "I have two accounts, UIDs 12345678 and 87654321, both frozen.");

        Assert.Equal(["12345678", "87654321"], facts.AccountUids);
    }

    [Theory]
    [InlineData("Order No. WD202403180042 is stuck", "WD202403180042")]
    [InlineData("order number: 202403040001", "202403040001")]
    [InlineData("Order #88812345 never arrived", "88812345")]
    [InlineData("Order ID WD-2024-0318-0042, amount 500 USDT", "WD-2024-0318-0042")]
    [InlineData("withdrawal id: 7788990011", "7788990011")]
    public void Labelled_order_ids_are_extracted(string text, string expected)
    {
        Assert.Equal([expected], FactExtractor.Extract(null, text).OrderIds);
    }

    [Fact]
    public void Tx_hash_labelled_in_many_ways_is_recognised_and_lower_cased()
    {
        string upper = Hex.ToUpperInvariant();
        var facts = FactExtractor.Extract(null, $"tx hash: {upper}\ntransaction hash {Hex}\ntxid={Hex}");

        Assert.Equal([new TransactionId(Hex, ChainGuess.Hex64)], facts.TransactionIds);
    }

    [Fact]
    public void Explorer_links_give_the_hash_and_its_chain()
    {
        const string tron = "7ae32d6fcaa25516cdf2f8b8657666bef215b9282bfe20072697e777cea7259c";
        const string btc = "d398fa79a8ef59278c8c210503ccf8b9a61a86bfef236ffcdf31d3df36074036";
        string body = $"""
            See https://etherscan.io/tx/{EvmTx}
            and https://tronscan.org/#/transaction/{tron}
            and https://mempool.space/tx/{btc}.
            """;

        var facts = FactExtractor.Extract(null, body);

        Assert.Equal(
            [new TransactionId(EvmTx, ChainGuess.Evm), new TransactionId(tron, ChainGuess.Tron), new TransactionId(btc, ChainGuess.Bitcoin)],
            facts.TransactionIds);
    }

    [Fact]
    public void Bare_hash_in_a_trc20_message_is_guessed_tron()
    {
        var facts = FactExtractor.Extract("USDT TRC20 withdrawal missing", $"Hash {Hex}");

        Assert.Equal([new TransactionId(Hex, ChainGuess.Tron)], facts.TransactionIds);
    }

    [Fact]
    public void Bare_hash_with_both_tron_and_bitcoin_named_stays_hex64()
    {
        var facts = FactExtractor.Extract(null, $"I sent BTC and TRX. Hash {Hex}");

        Assert.Equal(ChainGuess.Hex64, Assert.Single(facts.TransactionIds).Chain);
    }

    [Fact]
    public void Solana_signature_is_taken_without_a_label()
    {
        const string sig = "3tMZLQqtn5TMczjKaVsGsJBYBGDXpbwTrS86MD7AQmTkQsjoqwceUeSn5ehh7bTiMjjoaFcs9cx1YXPqUxm1Ns2p";

        var facts = FactExtractor.Extract(null, $"My SOL deposit {sig} is missing, https://solscan.io/tx/{sig}");

        Assert.Equal([new TransactionId(sig, ChainGuess.Solana)], facts.TransactionIds);
    }

    [Fact]
    public void Wallet_addresses_of_each_chain_are_recognised()
    {
        const string body = """
            EVM: 0x04DF70C62E9B01C6CC262C24799EB91E8E0F53AE
            Tron: THXnVfYBJdhehBoWGWi4vavFNWKAUhk8Nj
            BTC: 1PikPrMeM5w8jpQsshvhKQLouWtRNtLC6k, 3GZt1ikXqwmz9z7AiG54wEUr9PdE8h5wmy
            segwit: bc1qsjrcu77gccd79rcw8ucyvzk9rxqh8rc87ut0qv and bc1pctjwjyr32ww0nqvmsvemz3nns2yvu75p7ylm9p0qurc76shv3ljqagp8xr
            SOL deposit address: Et5fA51jKD8PaqE1V2iwdFmeJuBRb73K6abSEQbkN9LL
            """;

        var facts = FactExtractor.Extract(null, body);

        Assert.Equal(
            [
                new WalletAddress("0x04df70c62e9b01c6cc262c24799eb91e8e0f53ae", ChainGuess.Evm),
                new WalletAddress("THXnVfYBJdhehBoWGWi4vavFNWKAUhk8Nj", ChainGuess.Tron),
                new WalletAddress("1PikPrMeM5w8jpQsshvhKQLouWtRNtLC6k", ChainGuess.Bitcoin),
                new WalletAddress("3GZt1ikXqwmz9z7AiG54wEUr9PdE8h5wmy", ChainGuess.Bitcoin),
                new WalletAddress("bc1qsjrcu77gccd79rcw8ucyvzk9rxqh8rc87ut0qv", ChainGuess.Bitcoin),
                new WalletAddress("bc1pctjwjyr32ww0nqvmsvemz3nns2yvu75p7ylm9p0qurc76shv3ljqagp8xr", ChainGuess.Bitcoin),
                new WalletAddress("Et5fA51jKD8PaqE1V2iwdFmeJuBRb73K6abSEQbkN9LL", ChainGuess.Solana),
            ],
            facts.WalletAddresses);
        Assert.Empty(facts.TransactionIds);
        Assert.Empty(facts.AccountUids);
    }

    [Theory]
    [InlineData("THXnVfYBJdhehBoWGWi4vavFNWKAUhk8Nk")] // last character changed: checksum fails
    [InlineData("1PikPrMeM5w8jpQsshvhKQLouWtRNtLC6K")]
    [InlineData("bc1qsjrcu77gccd79rcw8ucyvzk9rxqh8rc87ut0qw")]
    [InlineData("Et5fA51jKD8PaqE1V2iwdFmeJuBRb73K6abSEQbkN9LL")] // a Solana address not called an address
    public void Address_lookalikes_without_checksum_or_context_are_ignored(string token)
    {
        var facts = FactExtractor.Extract(null, $"see {token} thanks");

        Assert.Empty(facts.WalletAddresses);
        Assert.Empty(facts.TransactionIds);
    }

    [Fact]
    public void Values_are_deduplicated_in_first_seen_order_across_subject_and_body()
    {
        var facts = FactExtractor.Extract(
            "UID 22223333 order WD20240001",
            $"UID: 11112222, UID 22223333. Order no. wd20240001 and order WD20240002. {Hex} and again {Hex.ToUpperInvariant()}");

        Assert.Equal(["22223333", "11112222"], facts.AccountUids);
        Assert.Equal(["WD20240001", "WD20240002"], facts.OrderIds);
        Assert.Single(facts.TransactionIds);
    }

    [Fact]
    public void Vanity_evm_address_with_leading_zeros_is_accepted()
    {
        var facts = FactExtractor.Extract(null, "deposit contract 0x00000000219ab540356cBB839Cbe05303d7705Fa");

        Assert.Equal([new WalletAddress("0x00000000219ab540356cbb839cbe05303d7705fa", ChainGuess.Evm)], facts.WalletAddresses);
    }

    [Fact]
    public void Private_key_labelled_hex_is_not_a_transaction()
    {
        var facts = FactExtractor.Extract(null, $"my private key is {Hex} and TxID {EvmTx}");

        Assert.Equal([new TransactionId(EvmTx, ChainGuess.Evm)], facts.TransactionIds);
    }
}
