using MailTicketing.Tickets.Extraction;

namespace MailTicketing.Tickets.Tests.Extraction;

public class SecretScannerTests
{
    private const string Hex = "5d14381a3a783256347b9ffce69cd7007ae8a758cca415d5a91ee863c8b6c033";
    private const string Wif = "5JhXrZTQnBmPU5CBH7SdL5MNsmCkZMGziZJ7NrNxoDzFXxcXbd1";
    private const string WifCompressed = "Kwb2GER9F5NZjfSjg6Pw3uFYiTWYrMQxzUcz1QTdxVDRXKVt6ToX";
    private const string Xprv = "xprvFEaTX2X3Lx14BpMbZ8MatpcF2ZkRPTGAz4F89BXiZPq9EbuTrJNhaengeucGyRXAGvNbVYLwqydmM5trMfD1GMwJHQtEPUVPmSQxobJ8U5Y";

    private static string Body(string text) => SecretScanner.Redact(null, text).Body;

    [Theory]
    [InlineData("password: Hunter2024!", "password: [REDACTED:password]")]
    [InlineData("My password is Tr0ub4dor&3 please reset it", "My password is [REDACTED:password] please reset it")]
    [InlineData("the password for my account is qwerty123.", "the password for my account is [REDACTED:password]")]
    [InlineData("Password: sunshine", "Password: [REDACTED:password]")]
    [InlineData("pwd=abc12345", "pwd=[REDACTED:password]")]
    [InlineData("passcode 482913", "passcode [REDACTED:password]")]
    [InlineData("密码：Abc123456", "密码：[REDACTED:password]")]
    [InlineData("我的登录密码是abc123456，资金密码是 778899，请帮我看看", "我的登录密码是[REDACTED:password]，资金密码是 [REDACTED:password]，请帮我看看")]
    [InlineData("密码123456", "密码[REDACTED:password]")]
    [InlineData("密码：ａｂｃ１２３４５６", "密码：[REDACTED:password]")]
    public void Passwords_with_their_label_are_redacted(string text, string expected)
    {
        Assert.Equal(expected, Body(text));
    }

    [Theory]
    [InlineData("I forgot my password and need a reset.")]
    [InlineData("My password is wrong, it says incorrect.")]
    [InlineData("Password reset link: https://exchange.example/reset?token=abc123")]
    [InlineData("密码错误，无法登录")]
    [InlineData("密码：已经修改了")]
    [InlineData("password: ********")]
    [InlineData("Please never send your password by email.")]
    [InlineData("2FA code: 482913")] // one-time codes expire within seconds
    [InlineData("password managers are great")]
    public void Password_mentions_without_a_password_are_left_alone(string text)
    {
        var result = SecretScanner.Redact(null, text);

        Assert.False(result.HasSecrets);
        Assert.Equal(text, result.Body);
    }

    [Theory]
    [InlineData("> Our staff will never ask for your password, private key or seed phrase (recovery words).")]
    [InlineData("> Password: never share it with anyone, including support staff.")]
    [InlineData("> 我们的工作人员绝不会索取您的密码、私钥或助记词，请勿向任何人透露。")]
    [InlineData("> 安全提示：密码：请勿告诉任何人；私钥：请勿截图；API密钥：请勿分享。")]
    public void Quoted_safety_warnings_from_our_acknowledgements_are_not_secrets(string text)
    {
        Assert.False(SecretScanner.Redact(null, text).HasSecrets);
    }

    [Fact]
    public void Labelled_private_key_hex_is_redacted_but_a_txid_is_not()
    {
        string text = $"private key: 0x{Hex}\nTxID: 0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3\nhash {Hex}";

        var result = SecretScanner.Redact(null, text);

        Assert.Equal(
            $"private key: [REDACTED:private-key]\nTxID: 0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3\nhash {Hex}",
            result.Body);
        Assert.Equal([new SecretFinding(SecretKind.PrivateKey, false)], result.Findings);
    }

    [Theory]
    [InlineData("私钥是 {0}")]
    [InlineData("我的私钥：{0}，请帮我找回资产")]
    [InlineData("Here is my private key (hex):\n{0}")]
    [InlineData("privkey={0}")]
    public void Private_key_phrasings_are_redacted(string template)
    {
        string result = Body(string.Format(template, Hex));

        Assert.DoesNotContain(Hex, result);
        Assert.Contains("[REDACTED:private-key]", result);
    }

    [Fact]
    public void Unlabelled_hex_is_a_transaction_hash_and_stays()
    {
        string text = $"I never shared my private key. The thief sent the coins in {Hex}";

        Assert.Equal(text, Body(text));
    }

    [Fact]
    public void Wif_and_extended_keys_are_redacted_without_a_label()
    {
        string text = $"old wallet {Wif} new wallet {WifCompressed} and {Xprv}.";

        var result = SecretScanner.Redact(null, text);

        Assert.Equal("old wallet [REDACTED:private-key] new wallet [REDACTED:private-key] and [REDACTED:private-key].", result.Body);
        Assert.Equal(3, result.Findings.Count);
    }

    [Fact]
    public void Wif_lookalike_with_a_bad_checksum_is_left_alone()
    {
        string text = "code 5JhXrZTQnBmPU5CBH7SdL5MNsmCkZMGziZJ7NrNxoDzFXxcXbd2";

        Assert.Equal(text, Body(text));
    }

    [Fact]
    public void Pem_private_key_block_is_redacted_whole()
    {
        const string text = """
            My key file:
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oQ+2RlpDAnbqoAoGCCqGSM49
            AwEHoUQDQgAEyJQ3tXMb5b2S9kzKHLzFZg3jHN1xTfvHpMxkO5lQfY2aXq/yJxGC
            -----END EC PRIVATE KEY-----
            Thanks
            """;

        Assert.Equal("My key file:\n[REDACTED:private-key]\nThanks", Body(text));
    }

    [Fact]
    public void Truncated_pem_block_is_redacted_to_the_end()
    {
        Assert.Equal("key: [REDACTED:private-key]", Body("key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
    }

    [Fact]
    public void Public_certificate_block_is_not_a_secret()
    {
        const string text = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----";

        Assert.Equal(text, Body(text));
    }

    [Theory]
    [InlineData("API Key: vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", "API Key: [REDACTED:api-secret]")]
    [InlineData("apiSecret=NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", "apiSecret=[REDACTED:api-secret]")]
    [InlineData("Secret Key：a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", "Secret Key：[REDACTED:api-secret]")]
    [InlineData("API密钥 8f2c4b7e-91aa-4c0e-b5a3-6d2f1e9c7b10", "API密钥 [REDACTED:api-secret]")]
    public void Api_keys_and_secrets_with_their_label_are_redacted(string text, string expected)
    {
        Assert.Equal(expected, Body(text));
    }

    [Theory]
    [InlineData("My API key permissions were changed without my consent.")]
    [InlineData("Is it safe to share the secret key with a trading bot?")]
    public void Api_key_mentions_without_a_key_are_left_alone(string text)
    {
        Assert.Equal(text, Body(text));
    }

    [Theory]
    [InlineData("Google Authenticator backup key: JBSWY3DPEHPK3PXP", "Google Authenticator backup key: [REDACTED:2fa-secret]")]
    [InlineData("2FA secret: jbsw y3dp ehpk 3pxp thanks", "2FA secret: [REDACTED:2fa-secret] thanks")]
    [InlineData("谷歌验证器密钥：JBSWY3DPEHPK3PXP", "谷歌验证器密钥：[REDACTED:2fa-secret]")]
    [InlineData("backup codes: 1234 5678, 8765 4321", "backup codes: [REDACTED:2fa-secret]")]
    public void Authenticator_secrets_are_redacted(string text, string expected)
    {
        Assert.Equal(expected, Body(text));
    }

    [Fact]
    public void Secrets_in_the_subject_are_redacted_and_reported_as_such()
    {
        var result = SecretScanner.Redact("Urgent! password: Abc12345 UID 36925814", "see subject");

        Assert.Equal("Urgent! password: [REDACTED:password] UID 36925814", result.Subject);
        Assert.Equal("see subject", result.Body);
        Assert.Equal([new SecretFinding(SecretKind.Password, true)], result.Findings);
    }

    [Fact]
    public void Text_without_secrets_comes_back_unchanged()
    {
        const string text = "UID: 36925814, TxID 0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3, address THXnVfYBJdhehBoWGWi4vavFNWKAUhk8Nj";

        var result = SecretScanner.Redact("Withdrawal", text);

        Assert.Same(text, result.Body);
        Assert.Equal("Withdrawal", result.Subject);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Redacted_text_gives_no_facts_from_the_secret()
    {
        var redacted = SecretScanner.Redact(null, $"私钥：{Hex}\n密码：778899123");

        var facts = FactExtractor.Extract(null, redacted.Body);

        Assert.Empty(facts.TransactionIds);
        Assert.Empty(facts.AccountUids);
        Assert.DoesNotContain("778899123", redacted.Body);
    }

    [Fact]
    public void Hostile_input_does_not_throw()
    {
        string[] inputs =
        [
            string.Concat(Enumerable.Repeat("password: ", 20_000)),
            string.Concat(Enumerable.Repeat("abandon ", 50_000)),
            string.Concat(Enumerable.Repeat("-----BEGIN PRIVATE KEY-----", 5_000)),
            "私钥" + new string('a', 100_000),
            "\uD800password: \uDC00abc123",
            string.Concat(Enumerable.Repeat("的 ", 30_000)),
        ];

        foreach (string input in inputs)
        {
            var result = SecretScanner.Redact(input, input);
            Assert.NotNull(result.Body);
        }
    }
}
