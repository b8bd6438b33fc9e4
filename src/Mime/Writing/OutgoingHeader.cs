namespace MailTicketing.Mime.Writing;

/// <summary>
/// An extra header field for an outgoing message, such as <c>Auto-Submitted: auto-replied</c>
/// (RFC 3834). The value is unstructured text: non-ASCII is RFC 2047 encoded when written.
/// Anything that could inject a header or a body (CR, LF, other controls) is refused here.
/// </summary>
public sealed class OutgoingHeader
{
    // Fields the writer produces itself; a second copy would make the message ambiguous.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Message-ID",
        "In-Reply-To", "References", "MIME-Version",
    };

    public OutgoingHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);

        // field-name: printable ASCII except ':' (RFC 5322 §3.6.8); short enough to share a line.
        if (name.Length is 0 or > 76 || name.AsSpan().ContainsAnyExceptInRange('!', '~') || name.Contains(':'))
        {
            throw new ArgumentException($"'{name}' is not a valid header field name.", nameof(name));
        }

        if (Reserved.Contains(name) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The {name} field is written from the message's own properties.", nameof(name));
        }

        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                throw new ArgumentException($"The value of {name} contains a line break (header injection).", nameof(value));
            }

            if (c is (< ' ' and not '\t') or '\x7f')
            {
                throw new ArgumentException($"The value of {name} contains a control character.", nameof(value));
            }
        }

        Name = name;
        Value = value;
    }

    public string Name { get; }

    public string Value { get; }

    public override string ToString() => Name + ": " + Value;
}
