namespace MailTicketing.Mime.Writing;

/// <summary>
/// Writes an <see cref="OutgoingMessage"/> as strict RFC 5322 / MIME (RFC 2045-2049): 7-bit only,
/// CRLF line breaks, folded header fields, RFC 2047 encoded words, quoted-printable or base64
/// bodies. Everything is validated before the first byte is written, so an invalid message
/// throws <see cref="ArgumentException"/> and leaves the stream untouched.
/// </summary>
public static class MessageWriter
{
    public static void Write(OutgoingMessage message, Stream output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);

        var messageId = message.MessageId ?? MessageIdGenerator.Create(
            AddressWriter.FormatAddrSpec(message.From?.Address ?? throw new ArgumentException("The message has no From address.")).Split('@')[^1]);
        var headers = BuildHeaders(message, messageId);
        var root = MimeTreeBuilder.Build(message);

        // Only now, with everything valid, is a generated id handed back for the caller to record.
        message.MessageId = messageId;

        using var sink = new AsciiSink(output);
        foreach (var line in headers.Concat(root.Headers))
        {
            sink.WriteLine(line);
        }

        sink.WriteLine();
        root.WriteBody(sink);
    }

    /// <summary>
    /// Whether <paramref name="address"/> can be written as a recipient: an ASCII local part
    /// (a non-ASCII one needs SMTPUTF8, which we do not send) and a valid domain. Lets a caller
    /// decide not to write to a sender's address rather than meet the writer's exception.
    /// </summary>
    public static bool IsWritableAddress(string? address)
    {
        try
        {
            AddressWriter.FormatAddrSpec(address);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static byte[] ToBytes(OutgoingMessage message)
    {
        using var buffer = new MemoryStream();
        Write(message, buffer);
        return buffer.ToArray();
    }

    private static List<string> BuildHeaders(OutgoingMessage message, string messageId)
    {
        var lines = new List<string> { "Date: " + RfcDate.Format(message.Date) };

        AddAddresses(lines, "From", [message.From]);
        AddAddresses(lines, "Reply-To", message.ReplyTo);
        AddAddresses(lines, "To", message.To);
        AddAddresses(lines, "Cc", message.Cc);

        var subject = MimeSyntax.FlattenLineBreaks(message.Subject ?? string.Empty);
        if (subject.AsSpan().Trim(" \t").IsEmpty)
        {
            lines.Add("Subject:");
        }
        else
        {
            var field = new HeaderFolder("Subject");
            HeaderText.AppendUnstructured(field, subject);
            lines.AddRange(field.ToLines());
        }

        if (!MessageIdSyntax.IsStrict(messageId))
        {
            throw new ArgumentException($"'{messageId}' is not a valid Message-ID (id@domain, without angle brackets).");
        }

        AddIds(lines, "Message-ID", [messageId]);
        if (message.InReplyTo is not null)
        {
            AddIds(lines, "In-Reply-To", [message.InReplyTo]);
        }

        AddIds(lines, "References", message.References);

        foreach (var header in message.Headers)
        {
            if (header is null)
            {
                throw new ArgumentException("The header list contains null.");
            }

            var field = new HeaderFolder(header.Name);
            HeaderText.AppendUnstructured(field, header.Value);
            lines.AddRange(field.ToLines());
        }

        lines.Add("MIME-Version: 1.0");
        return lines;
    }

    private static void AddAddresses(List<string> lines, string name, IReadOnlyList<MailboxAddress> mailboxes)
    {
        if (mailboxes.Count == 0)
        {
            return;
        }

        var field = new HeaderFolder(name);
        AddressWriter.AppendMailboxes(field, mailboxes);
        lines.AddRange(field.ToLines());
    }

    private static void AddIds(List<string> lines, string name, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var field = new HeaderFolder(name);
        foreach (var id in ids)
        {
            if (!MessageIdSyntax.IsWritable(id))
            {
                throw new ArgumentException($"'{id}' cannot be written in {name} (pass ids without angle brackets; see ReplyHeaders.NormalizeMessageId).");
            }

            field.AppendToken("<" + id + ">");
        }

        lines.AddRange(field.ToLines());
    }
}
