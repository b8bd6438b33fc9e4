using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MailTicketing.Transport;

/// <summary>
/// Decides whether a server certificate is trusted: by the system roots (default), by the
/// roots of a CA file, or by a SHA-256 pin of the certificate or of its public key
/// (SubjectPublicKeyInfo). A certificate not issued for the host name is never accepted, pin
/// or not, and there is no "accept anything" mode.
/// </summary>
public sealed class CertificateTrust
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

    /// <param name="caFile">PEM file of the roots to trust instead of the system's, or null.</param>
    /// <param name="pins">SHA-256 hashes in hex; colons and case are ignored.</param>
    /// <exception cref="TransportSecurityException">The CA file cannot be read or holds no certificate.</exception>
    /// <exception cref="ArgumentException">A pin is not a SHA-256 hash in hex.</exception>
    public static CertificateTrust Create(string? caFile, IReadOnlyList<string> pins)
    {
        ArgumentNullException.ThrowIfNull(pins);
        X509Certificate2Collection? roots = null;
        if (caFile is not null)
        {
            roots = [];
            try
            {
                roots.ImportFromPemFile(caFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new TransportSecurityException($"the CA file {caFile} cannot be read: {e.Message}", e);
            }

            if (roots.Count == 0)
            {
                throw new TransportSecurityException($"the CA file {caFile} holds no certificate");
            }
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pin in pins)
        {
            var hex = pin.Replace(":", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                throw new ArgumentException($"pinned certificate '{pin}' is not a SHA-256 hash in hex", nameof(pins));
            }

            set.Add(hex);
        }

        return new CertificateTrust(roots, set);
    }

    /// <summary>The SHA-256 of some bytes in lower-case hex, the form pins are compared in.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>A <see cref="RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object? sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
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
        if (_pins.Count > 0 && (_pins.Contains(Sha256Hex(leaf.RawData)) || _pins.Contains(Sha256Hex(leaf.PublicKey.ExportSubjectPublicKeyInfo()))))
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

    private bool Fail(string reason)
    {
        LastFailure = reason;
        return false;
    }
}
