using System.Globalization;

namespace MailTicketing.Smtp;

/// <summary>
/// One mail transaction's bookkeeping, apart from I/O: the MAIL and RCPT commands for an
/// envelope, the checks made before anything is sent, and which reply decides each
/// recipient's outcome (RCPT when refused there, otherwise MAIL or the end of DATA).
/// </summary>
internal sealed class SmtpTransaction
{
    private readonly SmtpEnvelope _envelope;
    private readonly SmtpReply?[] _outcomes;

    private SmtpTransaction(SmtpEnvelope envelope, IReadOnlyList<string> commands, SmtpReply? refusedLocally)
    {
        _envelope = envelope;
        Commands = commands;
        RefusedLocally = refusedLocally;
        _outcomes = new SmtpReply?[envelope.Recipients.Count];
    }

    /// <summary>MAIL FROM, then one RCPT TO per recipient.</summary>
    public IReadOnlyList<string> Commands { get; }

    /// <summary>Set when the server cannot take the message as announced; nothing is sent then.</summary>
    public SmtpReply? RefusedLocally { get; }

    public static SmtpTransaction Prepare(SmtpEnvelope envelope, Stream message, SmtpCapabilities capabilities)
    {
        if (envelope.Recipients.Count == 0)
        {
            throw new ArgumentException("a message needs at least one recipient", nameof(envelope));
        }

        if (envelope.Sender.Length > 0)
        {
            ValidateAddress(envelope.Sender, nameof(envelope));
        }

        var utf8 = envelope.RequiresSmtpUtf8 || !IsAscii(envelope.Sender);
        foreach (var recipient in envelope.Recipients)
        {
            ValidateAddress(recipient, nameof(envelope));
            utf8 |= !IsAscii(recipient);
        }

        var eightBit = envelope.Body == SmtpBodyType.EightBitMime || utf8;
        var size = envelope.Size ?? (message.CanSeek ? message.Length - message.Position : null);

        SmtpReply? refusal = null;
        if (utf8 && !capabilities.SmtpUtf8)
        {
            refusal = SmtpReply.FromClient(553, "5.6.7", "the server does not offer SMTPUTF8, needed for non-ASCII addresses or headers (RFC 6531)");
        }
        else if (eightBit && !capabilities.EightBitMime)
        {
            refusal = SmtpReply.FromClient(554, "5.6.3", "the server does not offer 8BITMIME, needed for an 8-bit body (RFC 6152)");
        }
        else if (size is { } known && capabilities.MaxSize is > 0 and var max && known > max)
        {
            refusal = SmtpReply.FromClient(552, "5.3.4", $"the message has {known} bytes; the server takes at most {max} (RFC 1870)");
        }

        var mail = "MAIL FROM:<" + envelope.Sender + ">";
        if (size is { } announced && capabilities.MaxSize is not null)
        {
            mail += " SIZE=" + announced.ToString(CultureInfo.InvariantCulture);
        }

        if (eightBit && capabilities.EightBitMime)
        {
            mail += " BODY=8BITMIME";
        }

        if (utf8 && capabilities.SmtpUtf8)
        {
            mail += " SMTPUTF8";
        }

        var commands = new List<string>(envelope.Recipients.Count + 1) { mail };
        commands.AddRange(envelope.Recipients.Select(r => "RCPT TO:<" + r + ">"));
        return new SmtpTransaction(envelope, commands, refusal);
    }

    public SmtpSendResult AllFailWith(SmtpReply reply)
    {
        Array.Fill(_outcomes, reply);
        return Result();
    }

    /// <summary>
    /// Takes the replies to MAIL and each RCPT (missing when not sent). True when the message
    /// is still to be sent, i.e. MAIL and at least one RCPT were accepted.
    /// </summary>
    public bool RecordEnvelopeReplies(IReadOnlyList<SmtpReply?> replies)
    {
        var mail = replies[0]!;
        var any = false;
        for (var i = 0; i < _outcomes.Length; i++)
        {
            var rcpt = replies[i + 1];
            if (!mail.IsPositive)
            {
                _outcomes[i] = mail;
            }
            else if (rcpt is null || !rcpt.IsPositive)
            {
                _outcomes[i] = rcpt ?? mail;
            }
            else
            {
                any = true;
            }
        }

        return any;
    }

    /// <summary>The reply to DATA or to the final "." decides every recipient RCPT accepted.</summary>
    public SmtpSendResult RecordDataReply(SmtpReply reply)
    {
        for (var i = 0; i < _outcomes.Length; i++)
        {
            _outcomes[i] ??= reply;
        }

        return Result();
    }

    public SmtpSendResult Result()
    {
        var results = new SmtpRecipientResult[_outcomes.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var reply = _outcomes[i] ?? throw new InvalidOperationException("recipient without an outcome");
            var status = reply.IsPositive ? SmtpRecipientStatus.Accepted
                : reply.IsTransient ? SmtpRecipientStatus.TransientFailure
                : SmtpRecipientStatus.PermanentFailure;
            results[i] = new SmtpRecipientResult(_envelope.Recipients[i], status, reply);
        }

        return new SmtpSendResult(results);
    }

    // Addresses are written between angle brackets on a command line: anything that could end
    // the line, the path or the command is refused rather than sent (command injection).
    private static void ValidateAddress(string address, string parameter)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.Length > 512
            || address.AsSpan().IndexOfAny("<> \t\r\n\0") >= 0 || address.Any(char.IsControl))
        {
            throw new ArgumentException($"'{address}' is not a usable envelope address", parameter);
        }
    }

    private static bool IsAscii(string text) => System.Text.Ascii.IsValid(text);
}
