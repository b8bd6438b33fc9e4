using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// Decides whether the server's certificate is trusted: by the system roots (default), by the
/// roots of a CA file, or by a SHA-256 pin of the certificate or its public key. A name that
/// does not match the host is never accepted, and there is no "accept anything" mode.
/// </summary>
internal sealed class ImapCertificateValidator
{
    private readonly X509Certificate2Collection? _roots;
    private readonly HashSet<string> _pins;

    public ImapCertificateValidator(ImapClientOptions options)
    {
        if (options.CaCertificateFile is { } file)
        {
            _roots = [];
            try
            {
                _roots.ImportFromPemFile(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new ImapSecurityException($"the CA file {file} cannot be read: {e.Message}", e);
            }

            if (_roots.Count == 0)
            {
                throw new ImapSecurityException($"the CA file {file} holds no certificate");
            }
        }

        _pins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pin in options.PinnedCertificates)
        {
            var hex = pin.Replace(":", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                throw new ArgumentException($"pinned certificate '{pin}' is not a SHA-256 hash in hex", nameof(options));
            }

            _pins.Add(hex);
        }
    }

    /// <summary>Why the last certificate was refused.</summary>
    public string? Failure { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return Fail("the server sent no certificate");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return Fail("the certificate is not issued for this host name");
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (_pins.Count > 0 && (_pins.Contains(Sha256(leaf.RawData)) || _pins.Contains(Sha256(leaf.PublicKey.ExportSubjectPublicKeyInfo()))))
        {
            return true;
        }

        if (_roots is not null)
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(_roots);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
            {
                foreach (var element in chain.ChainElements)
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            return custom.Build(leaf)
                || Fail("the certificate does not chain to the configured CA file ("
                    + string.Join(", ", custom.ChainStatus.Select(s => s.Status)) + ")");
        }

        if (_pins.Count > 0)
        {
            return Fail("the certificate matches no configured pin");
        }

        return errors == SslPolicyErrors.None || Fail($"the certificate is not trusted ({errors})");
    }

    internal static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private bool Fail(string reason)
    {
        Failure = reason;
        return false;
    }
}
