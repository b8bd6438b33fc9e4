namespace MailTicketing.Imap;

/// <summary>
/// What the server said it can do (RFC 3501 §7.2.1), as of the last CAPABILITY response or
/// response code. Names compare case-insensitively. It changes after STARTTLS and login.
/// </summary>
public sealed class ImapCapabilities
{
    private readonly HashSet<string> _names;

    internal ImapCapabilities(IEnumerable<string> names)
    {
        _names = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        AuthenticationMechanisms = [.. _names
            .Where(n => n.StartsWith("AUTH=", StringComparison.OrdinalIgnoreCase))
            .Select(n => n[5..].ToUpperInvariant())
            .Order(StringComparer.Ordinal)];
    }

    public static ImapCapabilities None { get; } = new([]);

    public IReadOnlyCollection<string> Names => _names;

    /// <summary>SASL mechanisms from the AUTH= capabilities, upper case.</summary>
    public IReadOnlyList<string> AuthenticationMechanisms { get; }

    public bool Idle => Contains("IDLE");

    public bool Move => Contains("MOVE");

    public bool UidPlus => Contains("UIDPLUS");

    public bool LiteralPlus => Contains("LITERAL+");

    public bool LiteralMinus => Contains("LITERAL-");

    public bool SaslInitialResponse => Contains("SASL-IR");

    public bool StartTls => Contains("STARTTLS");

    /// <summary>LOGINDISABLED (RFC 3501 §6.2.3): the LOGIN command is refused here, typically before TLS.</summary>
    public bool LoginDisabled => Contains("LOGINDISABLED");

    public bool Contains(string name) => _names.Contains(name);

    public bool SupportsMechanism(string mechanism) => _names.Contains("AUTH=" + mechanism);

    public override string ToString() => string.Join(' ', _names.Order(StringComparer.OrdinalIgnoreCase));
}
