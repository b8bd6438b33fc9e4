namespace MailTicketing.Mime.Writing;

/// <summary>Creates globally unique Message-IDs (RFC 5322 §3.6.4) that cannot be guessed.</summary>
public static class MessageIdGenerator
{
    private const int RandomBytes = 16;
    private const int MaxPrefixLength = 200;

    /// <summary>
    /// Returns "[prefix.]random@domain" without angle brackets. The random part carries 128 bits
    /// from a cryptographic generator, in lower-case base32. The domain may be an IDN; it is
    /// written in punycode.
    /// </summary>
    /// <param name="domain">The right-hand side, usually the domain of the From address.</param>
    /// <param name="prefix">Optional dot-atom text put before the random part, e.g. "t.SUP-000123.abcd".</param>
    public static string Create(string domain, string? prefix = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var right = AddressWriter.FormatDomain(domain.Trim());
        var random = Base32Token.Create(RandomBytes);
        if (string.IsNullOrEmpty(prefix))
        {
            return random + "@" + right;
        }

        if (prefix.Length > MaxPrefixLength || !MimeSyntax.IsDotAtomText(prefix))
        {
            throw new ArgumentException($"'{prefix}' is not dot-atom text of at most {MaxPrefixLength} characters.", nameof(prefix));
        }

        return prefix + "." + random + "@" + right;
    }
}
