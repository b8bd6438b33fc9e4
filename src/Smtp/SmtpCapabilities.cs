using System.Globalization;

namespace MailTicketing.Smtp;

/// <summary>What the server announced in its EHLO reply (RFC 5321 §4.1.1.1); empty after HELO.</summary>
public sealed class SmtpCapabilities
{
    private readonly Dictionary<string, string> _keywords;

    private SmtpCapabilities(Dictionary<string, string> keywords, IReadOnlySet<string> authMechanisms, long? maxSize)
    {
        _keywords = keywords;
        AuthMechanisms = authMechanisms;
        MaxSize = maxSize;
    }

    public static SmtpCapabilities None { get; } = new([], new HashSet<string>(), null);

    /// <summary>SIZE (RFC 1870): the largest message accepted, 0 for "no fixed limit", null when not announced.</summary>
    public long? MaxSize { get; }

    /// <summary>AUTH mechanisms (RFC 4954), upper case.</summary>
    public IReadOnlySet<string> AuthMechanisms { get; }

    public bool Pipelining => Supports("PIPELINING");

    public bool EightBitMime => Supports("8BITMIME");

    public bool SmtpUtf8 => Supports("SMTPUTF8");

    public bool StartTls => Supports("STARTTLS");

    public bool EnhancedStatusCodes => Supports("ENHANCEDSTATUSCODES");

    /// <summary>Whether the server announced an extension keyword (case-insensitive).</summary>
    public bool Supports(string keyword) => _keywords.ContainsKey(keyword);

    /// <summary>The parameters after a keyword ("10240000" for SIZE), or null when not announced.</summary>
    public string? Parameters(string keyword) => _keywords.GetValueOrDefault(keyword);

    /// <summary>Reads the lines after the greeting line of a 250 EHLO reply.</summary>
    internal static SmtpCapabilities Parse(SmtpReply ehlo)
    {
        var keywords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var auth = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long? maxSize = null;
        foreach (var line in ehlo.Lines.Skip(1))
        {
            var trimmed = line.Trim();
            // "AUTH=PLAIN LOGIN" is the pre-standard form some servers still send beside "AUTH".
            var split = trimmed.IndexOfAny([' ', '=']);
            var keyword = split < 0 ? trimmed : trimmed[..split];
            var parameters = split < 0 ? "" : trimmed[(split + 1)..].Trim();
            if (keyword.Length == 0)
            {
                continue;
            }

            keywords.TryAdd(keyword, parameters);
            if (keyword.Equals("AUTH", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var mechanism in parameters.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    auth.Add(mechanism.ToUpperInvariant());
                }
            }
            else if (keyword.Equals("SIZE", StringComparison.OrdinalIgnoreCase))
            {
                maxSize = long.TryParse(parameters, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0;
            }
        }

        return new SmtpCapabilities(keywords, auth, maxSize);
    }
}
