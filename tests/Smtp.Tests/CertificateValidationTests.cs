using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MailTicketing.Smtp.Tests;

/// <summary>
/// How the client reports the shared certificate trust's refusals (the decisions themselves
/// are tested in Transport.Tests). A wrong host name needs a certificate for another name,
/// which the real servers do not have: a TLS server in the test presents one (implicit TLS).
/// </summary>
public sealed class CertificateValidationTests : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly string _caFile = Path.Combine(Path.GetTempPath(), $"mt-smtp-test-{Guid.NewGuid():N}.pem");

    public CertificateValidationTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mail.other.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("mail.other.test");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        File.WriteAllText(_caFile, _certificate.ExportCertificatePem());
    }

    [Fact]
    public async Task Certificate_for_another_host_name_is_rejected_even_when_its_ca_is_trusted()
    {
        var port = StartTlsServer();

        var e = await Assert.ThrowsAsync<SmtpSecurityException>(() => SmtpClient.ConnectAsync(new SmtpClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Security = SmtpSecurity.ImplicitTls,
            CaCertificateFile = _caFile,
        }));

        Assert.Contains("host name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pin_that_is_not_a_sha256_hex_string_is_a_configuration_error()
    {
        Assert.Throws<ArgumentException>(() => SmtpClient.ConnectAsync(new SmtpClientOptions
        {
            Host = "127.0.0.1",
            Port = 1,
            PinnedCertificates = ["not-a-hash"],
        }).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task Missing_ca_file_is_a_security_error_naming_the_file()
    {
        var e = await Assert.ThrowsAsync<SmtpSecurityException>(() => SmtpClient.ConnectAsync(new SmtpClientOptions
        {
            Host = "127.0.0.1",
            Port = 1,
            CaCertificateFile = "/nonexistent/ca.pem",
        }));

        Assert.Contains("/nonexistent/ca.pem", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        File.Delete(_caFile);
    }

    private int StartTlsServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                using var tcp = await listener.AcceptTcpClientAsync();
                await using var ssl = new SslStream(tcp.GetStream());
                await ssl.AuthenticateAsServerAsync(_certificate);
                await ssl.WriteAsync(Encoding.ASCII.GetBytes("220 other.test ESMTP\r\n"));
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // The client is expected to hang up during the handshake.
            }
            finally
            {
                listener.Stop();
            }
        });
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
