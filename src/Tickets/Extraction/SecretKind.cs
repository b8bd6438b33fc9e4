namespace MailTicketing.Tickets.Extraction;

/// <summary>What kind of secret a customer sent.</summary>
public enum SecretKind
{
    /// <summary>A password, passcode or passphrase given with its label ("密码：…", "password is …").</summary>
    Password,

    /// <summary>A private key: labelled hex or base58, a WIF key, an extended key (xprv…), a PEM block.</summary>
    PrivateKey,

    /// <summary>A BIP-39 recovery (seed) phrase of 12 or more words.</summary>
    SeedPhrase,

    /// <summary>An API key or secret given with its label.</summary>
    ApiSecret,

    /// <summary>An authenticator (TOTP) secret or backup codes given with their label.</summary>
    TwoFactorSecret,
}
