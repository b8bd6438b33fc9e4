using MailTicketing.Tickets.Extraction;

namespace MailTicketing.Tickets.Tests.Extraction;

public class AuthenticationResultsTests
{
    private static AuthenticationResults Parse(string? trusted, params string[] values) => AuthenticationResults.Parse(values, trusted);

    [Fact]
    public void Gmail_all_pass()
    {
        var result = Parse(null, """
            mx.google.com;
                   dkim=pass header.i=@example.com header.s=20230601 header.b=AbC1dEf2;
                   spf=pass (google.com: domain of jane@example.com designates 209.85.220.41 as permitted sender) smtp.mailfrom=jane@example.com;
                   dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.com
            """);

        Assert.Equal(("mx.google.com", AuthResult.Pass, AuthResult.Pass, AuthResult.Pass, false),
            (result.AuthServId, result.Spf, result.Dkim, result.Dmarc, result.HasFailure));
        Assert.Equal("mx.google.com: spf=pass (jane@example.com) dkim=pass (@example.com) dmarc=pass (example.com) -> no failure", result.Explanation);
    }

    [Fact]
    public void Gmail_dmarc_fail_is_a_failure()
    {
        var result = Parse(null,
            "mx.google.com;\r\n       dkim=pass header.i=@srs1.zonevs.eu;\r\n       spf=pass (google.com: best guess record for domain of "
            + "srs0=63fc=v7=kreata.ee=andris@srs1.zonevs.eu designates 217.146.68.191 as permitted sender) smtp.mailfrom=SRS0=63fc=V7=kreata.ee=andris@srs1.zonevs.eu;\r\n"
            + "       dmarc=fail (p=NONE dis=NONE) header.from=kreata.ee");

        Assert.Equal(AuthResult.Fail, result.Dmarc);
        Assert.Equal(AuthResult.Pass, result.Spf);
        Assert.True(result.HasFailure);
        Assert.EndsWith("dmarc=fail (kreata.ee) -> DMARC failed", result.Explanation);
    }

    [Fact]
    public void Microsoft_365_spoof_without_authserv_id()
    {
        var result = Parse(null,
            "spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=exchange.example; dkim=none (message not signed) header.d=none;"
            + "dmarc=fail action=quarantine header.from=exchange.example;compauth=fail reason=000");

        Assert.Null(result.AuthServId);
        Assert.Equal((AuthResult.Fail, AuthResult.None, AuthResult.Fail), (result.Spf, result.Dkim, result.Dmarc));
        Assert.True(result.HasFailure);
        Assert.Contains("DMARC failed; SPF failed without a DMARC pass", result.Explanation);
    }

    [Fact]
    public void Microsoft_365_softfail_with_stray_segments_is_not_a_failure()
    {
        var result = Parse(null,
            "spf=softfail (sender IP is 52.58.62.203)\r\n smtp.mailfrom=ninomail.com; example.com; dkim=pass (signature was\r\n verified) "
            + "header.d=ninomail.com;example.com; dmarc=none action=none\r\n header.from=mailgunhq.com;");

        Assert.Equal((AuthResult.SoftFail, AuthResult.Pass, AuthResult.None), (result.Spf, result.Dkim, result.Dmarc));
        Assert.False(result.HasFailure);
    }

    [Fact]
    public void Microsoft_bestguesspass_counts_as_a_dmarc_pass()
    {
        var result = Parse(null, "spf=fail (sender IP is 192.0.2.1) smtp.mailfrom=example.com; dkim=pass header.d=example.com;dmarc=bestguesspass action=none header.from=example.com;");

        Assert.Equal(AuthResult.Pass, result.Dmarc);
        Assert.False(result.HasFailure);
    }

    [Fact]
    public void Postfix_opendkim_opendmarc_and_policyd_headers_are_combined()
    {
        var result = Parse("mail.exchange.example",
            "mail.exchange.example; dmarc=pass (p=reject dis=none) header.from=example.cn",
            "mail.exchange.example;\n\tdkim=pass (2048-bit key; unprotected) header.d=example.cn header.i=@example.cn header.a=rsa-sha256 header.s=default header.b=\"AbCd;1234\"",
            "mail.exchange.example; spf=pass (sender SPF authorized) smtp.mailfrom=lin.xiao@example.cn",
            "attacker.example; dmarc=fail header.from=example.cn");

        Assert.Equal(("mail.exchange.example", AuthResult.Pass, AuthResult.Pass, AuthResult.Pass, false),
            (result.AuthServId, result.Spf, result.Dkim, result.Dmarc, result.HasFailure));
    }

    [Fact]
    public void Forged_header_below_ours_cannot_override_our_result()
    {
        var result = Parse(null,
            "mx.exchange.example; spf=fail smtp.mailfrom=exchange.example; dkim=none; dmarc=fail header.from=exchange.example",
            "mx.exchange.example; spf=pass; dkim=pass; dmarc=pass");

        Assert.Equal(AuthResult.Fail, result.Dmarc);
        Assert.True(result.HasFailure);
    }

    [Fact]
    public void Only_headers_from_the_trusted_server_are_used()
    {
        var result = Parse("mx.exchange.example", "attacker.example; spf=pass; dkim=pass header.d=exchange.example; dmarc=pass");

        Assert.Null(result.AuthServId);
        Assert.Equal((AuthResult.None, AuthResult.None, AuthResult.None), (result.Spf, result.Dkim, result.Dmarc));
        Assert.False(result.HasFailure);
        Assert.Equal("no Authentication-Results header from mx.exchange.example; 1 from other servers ignored", result.Explanation);
    }

    [Fact]
    public void Trusted_id_matches_without_regard_to_case()
    {
        var result = Parse("MX.Exchange.Example", "mx.exchange.example; dmarc=fail header.from=exchange.example");

        Assert.True(result.HasFailure);
    }

    [Fact]
    public void Without_trusted_id_the_topmost_server_decides()
    {
        var result = Parse(null, "mx.exchange.example; dmarc=pass header.from=example.com", "relay.example; dmarc=fail");

        Assert.Equal(AuthResult.Pass, result.Dmarc);
        Assert.False(result.HasFailure);
    }

    [Theory]
    [InlineData("mx.example; dkim=fail header.d=a.example; dkim=pass header.d=b.example", AuthResult.Pass, false)]
    [InlineData("mx.example; dkim=neutral header.d=a.example; dkim=fail header.d=b.example", AuthResult.Fail, true)]
    [InlineData("mx.example; dkim=permerror", AuthResult.PermError, false)]
    [InlineData("mx.example; dkim=temperror", AuthResult.TempError, false)]
    [InlineData("mx.example; dkim=policy", AuthResult.Policy, false)]
    public void Dkim_passes_when_any_signature_passes(string value, AuthResult dkim, bool failure)
    {
        var result = Parse(null, value);

        Assert.Equal((dkim, failure), (result.Dkim, result.HasFailure));
    }

    [Theory]
    [InlineData("mx.example; spf=fail smtp.mailfrom=a.example; dmarc=pass header.from=a.example", false)] // forwarded mail
    [InlineData("mx.example; spf=fail smtp.mailfrom=a.example; dmarc=none header.from=a.example", true)]
    [InlineData("mx.example; spf=hardfail smtp.mailfrom=a.example", true)]
    [InlineData("mx.example; spf=softfail smtp.mailfrom=a.example", false)]
    [InlineData("mx.example; spf=neutral smtp.mailfrom=a.example", false)]
    public void Spf_hard_fail_counts_only_without_a_dmarc_pass(string value, bool failure)
    {
        Assert.Equal(failure, Parse(null, value).HasFailure);
    }

    [Theory]
    [InlineData("example.org; none")]
    [InlineData("example.org 1; spf=pass smtp.mailfrom=example.net")]
    [InlineData("\"example.org\"; spf = pass smtp.mailfrom = example.net")]
    [InlineData("example.org; spf/1=pass smtp.mailfrom=example.net")]
    [InlineData("Authentication-Results: example.org; spf=pass smtp.mailfrom=example.net")]
    public void Rfc8601_forms_are_read(string value)
    {
        var result = Parse(null, value);

        Assert.Equal("example.org", result.AuthServId);
        Assert.False(result.HasFailure);
        Assert.Equal(value.Contains("none", StringComparison.Ordinal) ? AuthResult.None : AuthResult.Pass, result.Spf);
    }

    [Fact]
    public void Result_words_inside_comments_are_ignored()
    {
        var result = Parse(null, "mx.google.com; arc=pass (i=1 spf=fail spfdomain=x.example dkim=fail dmarc=fail fromdomain=x.example); dkim=pass header.d=x.example");

        Assert.Equal((AuthResult.None, AuthResult.Pass, AuthResult.None), (result.Spf, result.Dkim, result.Dmarc));
        Assert.False(result.HasFailure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("|   ")]
    [InlineData("((((")]
    [InlineData(";;;=;=;\"")]
    [InlineData("mx; spf=")]
    [InlineData("mx; (dmarc=fail in an unclosed comment")]
    public void Missing_or_broken_headers_give_no_failure(string joined)
    {
        var result = AuthenticationResults.Parse(joined.Length == 0 ? [] : joined.Split('|'));

        Assert.False(result.HasFailure);
        Assert.Equal(AuthResult.None, result.Dmarc);
    }

    [Fact]
    public void Null_header_list_is_no_header()
    {
        var result = AuthenticationResults.Parse(null);

        Assert.Equal("no Authentication-Results header", result.Explanation);
    }
}
