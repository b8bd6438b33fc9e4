using System.Security.Cryptography.X509Certificates;
using MailTicketing.Transport.Tests.Support;

namespace MailTicketing.Transport.Tests;

/// <summary>
/// The certificate decisions both clients rely on, over a real TLS handshake on 127.0.0.1
/// with certificates made for the test (self-signed, for 127.0.0.1 or for another name).
/// </summary>
public sealed class CertificateTrustTests : IDisposable
{
    private readonly List<string> _files = [];

    [Fact]
    public async Task A_pinned_certificate_is_trusted_without_a_chain()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new TlsTestServer(certificate);

        Assert.Equal('!', await server.ConnectAsync(CertificateTrust.Create(null, [TestCertificates.CertificatePin(certificate)])));
    }

    [Fact]
    public async Task A_public_key_pin_with_colons_and_lower_case_is_accepted_too()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new TlsTestServer(certificate);
        var pin = string.Join(':', TestCertificates.PublicKeyPin(certificate).Chunk(2).Select(c => new string(c)));

        Assert.Equal('!', await server.ConnectAsync(CertificateTrust.Create(null, [pin])));
    }

    [Fact]
    public async Task A_ca_file_with_the_servers_certificate_makes_it_trusted()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new TlsTestServer(certificate);

        Assert.Equal('!', await server.ConnectAsync(CertificateTrust.Create(CaFile(certificate), [])));
    }

    [Fact]
    public async Task A_self_signed_certificate_is_refused_by_default()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var server = new TlsTestServer(certificate);

        var error = await Assert.ThrowsAsync<TransportSecurityException>(() => server.ConnectAsync(CertificateTrust.Create(null, [])));
        Assert.Contains("not trusted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_matches_no_pin_is_refused()
    {
        using var certificate = TestCertificates.SelfSigned();
        using var other = TestCertificates.SelfSigned();
        await using var server = new TlsTestServer(certificate);

        var error = await Assert.ThrowsAsync<TransportSecurityException>(() => server.ConnectAsync(CertificateTrust.Create(null, [TestCertificates.CertificatePin(other)])));
        Assert.Contains("matches no configured pin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_from_another_ca_is_refused_when_a_ca_file_is_configured()
    {
        using var certificate = TestCertificates.SelfSigned();
        using var other = TestCertificates.SelfSigned();
        await using var server = new TlsTestServer(certificate);

        var error = await Assert.ThrowsAsync<TransportSecurityException>(() => server.ConnectAsync(CertificateTrust.Create(CaFile(other), [])));
        Assert.Contains("does not chain to the configured CA file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pin_does_not_excuse_a_certificate_for_another_host_name()
    {
        using var certificate = TestCertificates.SelfSigned("mail.other.example");
        await using var server = new TlsTestServer(certificate);

        var error = await Assert.ThrowsAsync<TransportSecurityException>(() => server.ConnectAsync(CertificateTrust.Create(null, [TestCertificates.CertificatePin(certificate)])));
        Assert.Contains("not issued for this host name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_ca_does_not_excuse_a_certificate_for_another_host_name()
    {
        using var certificate = TestCertificates.SelfSigned("mail.other.example");
        await using var server = new TlsTestServer(certificate);

        var error = await Assert.ThrowsAsync<TransportSecurityException>(() => server.ConnectAsync(CertificateTrust.Create(CaFile(certificate), [])));
        Assert.Contains("not issued for this host name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-hash")]
    [InlineData("abc")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    public void A_pin_that_is_not_a_sha256_hex_string_is_a_configuration_error(string pin) =>
        Assert.Throws<ArgumentException>(() => CertificateTrust.Create(null, [pin]));

    [Fact]
    public void A_missing_ca_file_is_a_security_error_naming_the_file()
    {
        var error = Assert.Throws<TransportSecurityException>(() => CertificateTrust.Create("/nonexistent/ca.pem", []));
        Assert.Contains("/nonexistent/ca.pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ca_file_without_a_certificate_is_a_security_error()
    {
        var file = TempFile();
        File.WriteAllText(file, "no PEM here\n");

        var error = Assert.Throws<TransportSecurityException>(() => CertificateTrust.Create(file, []));
        Assert.Contains("holds no certificate", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private string CaFile(X509Certificate2 certificate)
    {
        var file = TempFile();
        File.WriteAllText(file, certificate.ExportCertificatePem());
        return file;
    }

    private string TempFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mt-transport-{Guid.NewGuid():N}.pem");
        _files.Add(file);
        return file;
    }
}
