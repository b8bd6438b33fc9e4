using System.Globalization;
using MailTicketing.Smtp;

namespace MailTicketing.Worker.Configuration;

/// <summary>
/// "MailTicketing:Smtp": the submission server acknowledgements leave through. Without this
/// section they are written to the pickup folder instead. Secrets are never in the file:
/// <see cref="PasswordVariable"/> (or <see cref="AccessTokenVariable"/> for XOAUTH2) names the
/// environment variable that holds one.
/// </summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    /// <summary>0 means the usual port for <see cref="Security"/>: 465, 587 or 25.</summary>
    public int Port { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The login (often the full address); none means no AUTH.</summary>
    public string? User { get; set; }

    /// <summary>Environment variable holding the password for AUTH PLAIN/LOGIN.</summary>
    public string? PasswordVariable { get; set; }

    /// <summary>Environment variable holding an OAuth 2.0 access token for XOAUTH2 (Microsoft 365, Gmail); read at each login.</summary>
    public string? AccessTokenVariable { get; set; }

    /// <summary>PEM file of the root certificate(s) to trust instead of the system's (self-signed servers).</summary>
    public string? CaFile { get; set; }

    /// <summary>SHA-256 hashes (hex) of the server certificate or its public key to trust without a chain.</summary>
    public List<string> PinnedCertificates { get; set; } = [];

    /// <summary>The EHLO name; by default the address literal of the local end.</summary>
    public string? ClientName { get; set; }

    /// <summary>Attempts per message before it is marked Failed (a 5xx fails it at once).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first transient failure; it doubles with each further one, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Connecting, and waiting for any one reply.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The port used: <see cref="Port"/>, or the usual one for <see cref="Security"/>.</summary>
    public int EffectivePort => Port != 0 ? Port : Security switch
    {
        SmtpSecurity.ImplicitTls => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };

    /// <summary>Adds one message per problem, naming the setting under <paramref name="at"/>.</summary>
    internal void Validate(List<string> errors, string at = "MailTicketing:Smtp")
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add($"{at}:Host is empty; set the SMTP server's host name (or remove the Smtp section to use the pickup folder).");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"{at}:Port must be 1-65535 (or 0 for the usual port), was {Port.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!Enum.IsDefined(Security))
        {
            errors.Add($"{at}:Security must be ImplicitTls, StartTls or None, was {Security}.");
        }

        var secretVariables = new[] { (nameof(PasswordVariable), PasswordVariable), (nameof(AccessTokenVariable), AccessTokenVariable) }
            .Where(v => !string.IsNullOrWhiteSpace(v.Item2))
            .ToList();
        if (string.IsNullOrWhiteSpace(User))
        {
            foreach (var (name, _) in secretVariables)
            {
                errors.Add($"{at}:{name} is set but {at}:User is empty.");
            }
        }
        else if (secretVariables.Count != 1)
        {
            errors.Add($"{at}:User is set: set exactly one of {at}:PasswordVariable or {at}:AccessTokenVariable (the name of an environment variable holding the secret).");
        }
        else
        {
            var (name, variable) = secretVariables[0];
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable!)))
            {
                errors.Add($"{at}:{name} names the environment variable '{variable}', which is not set or empty.");
            }

            if (Security == SmtpSecurity.None)
            {
                errors.Add($"{at}:Security is None but User is set: the secret would cross the network unencrypted; use StartTls or ImplicitTls.");
            }
        }

        if (CaFile is not null && !File.Exists(CaFile))
        {
            errors.Add($"{at}:CaFile '{CaFile}' does not exist.");
        }

        foreach (var pin in PinnedCertificates)
        {
            var hex = pin.Replace(":", "", StringComparison.Ordinal).Trim();
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                errors.Add($"{at}:PinnedCertificates has '{pin}', which is not a SHA-256 hash in hex (64 digits, colons allowed).");
            }
        }

        if (MaxAttempts < 1)
        {
            errors.Add($"{at}:MaxAttempts must be at least 1, was {MaxAttempts.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (RetryInitialDelay < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{at}:RetryInitialDelay must be at least 1 second, was {RetryInitialDelay}.");
        }

        if (RetryMaxDelay < RetryInitialDelay)
        {
            errors.Add($"{at}:RetryMaxDelay must not be shorter than RetryInitialDelay, was {RetryMaxDelay}.");
        }

        if (Timeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{at}:Timeout must be at least 1 second, was {Timeout}.");
        }
    }
}
