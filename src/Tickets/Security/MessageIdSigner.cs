using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Tickets.Security;

/// <summary>
/// Our outgoing Message-IDs carry the ticket number and an HMAC, "t.SUP-000123.r4nd0m.m4c@domain",
/// so a reply's References prove which ticket it answers, and a reference that looks like ours
/// but does not verify is recognised as forged.
/// </summary>
public sealed class MessageIdSigner
{
    private const string Prefix = "t.";
    private const int MacLength = 20;

    private readonly byte[] _key;

    public MessageIdSigner(byte[] key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("The signing key must be at least 16 bytes.", nameof(key));
        }

        _key = key;
    }

    /// <summary>A new signed Message-ID (without angle brackets) for mail about the ticket.</summary>
    public string Create(TicketNumber ticket, string domain)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var payload = $"{ticket}.{nonce}";
        return $"{Prefix}{payload}.{Mac(payload)}@{domain}";
    }

    /// <summary>What a Message-ID says about itself: not ours, ours and valid (with its ticket), or forged.</summary>
    public MessageIdCheck Check(string messageId, [NotNullWhen(true)] out TicketNumber? ticket)
    {
        ticket = null;
        var at = messageId.LastIndexOf('@');
        var local = at < 0 ? messageId : messageId[..at];
        if (!local.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return MessageIdCheck.NotOurs;
        }

        var parts = local[Prefix.Length..].Split('.');
        if (parts.Length != 3 || !TicketNumber.TryParse(parts[0], out var number))
        {
            return MessageIdCheck.NotOurs;
        }

        var expected = Mac($"{parts[0]}.{parts[1]}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
        {
            return MessageIdCheck.Forged;
        }

        ticket = number;
        return MessageIdCheck.Valid;
    }

    private string Mac(string payload)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));
        return Convert.ToHexStringLower(mac)[..MacLength];
    }
}

public enum MessageIdCheck
{
    NotOurs,
    Valid,
    Forged,
}
