using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MailTicketing.Smtp;

/// <summary>
/// Decides whether a server certificate is trusted: by the system roots (default), by the
/// roots of a CA file, or by a SHA-256 pin of the certificate or its public key. A wrong host
/// name is never accepted, and there is no "accept anything" mode.
/// </summary>
internal sealed class CertificateTrust
{
    private readonly X509Certificate2Collection? _roots;
    private readonly HashSet<string> _pins;

    private CertificateTrust(X509Certificate2Collection? roots, HashSet<string> pins)
    {
        _roots = roots;
        _pins = pins;
    }

    /// <summary>Why the last certificate was refused, for the exception message.</summary>
    public string? LastFailure { get; private set; }

    public static CertificateTrust From(SmtpClientOptions options)
    {
        X509Certificate2Collection? roots = null;
        if (options.CaCertificateFile is { } file)
        {
            roots = [];
            try
            {
                roots.ImportFromPemFile(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new SmtpSecurityException($"cannot read CA file {file}: {e.Message}", e);
            }

            if (roots.Count == 0)
            {
                throw new SmtpSecurityException($"no certificate in CA file {file}");
            }
        }

        var pins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pin in options.PinnedCertificates)
        {
            var hex = pin.Replace(":", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                throw new ArgumentException($"pinned certificate '{pin}' is not a SHA-256 hash in hex", nameof(options));
            }

            pins.Add(hex);
        }

        return new CertificateTrust(roots, pins);
    }

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return Fail("the server sent no certificate");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return Fail("the certificate is not for this host name");
        }

        using var leaf = new X509Certificate2(certificate);
        if (_pins.Count > 0 && (_pins.Contains(Hash(leaf.RawData)) || _pins.Contains(Hash(leaf.PublicKey.ExportSubjectPublicKeyInfo()))))
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

            return custom.Build(leaf) || Fail("the certificate does not chain to the configured CA file: "
                + string.Join(", ", custom.ChainStatus.Select(s => s.Status)));
        }

        if (_pins.Count > 0)
        {
            return Fail("the certificate matches no configured pin");
        }

        return errors == SslPolicyErrors.None || Fail("the certificate is not trusted: " + errors);
    }

    private static string Hash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private bool Fail(string reason)
    {
        LastFailure = reason;
        return false;
    }
}
