using System.Text;

namespace MailTicketing.Worker.Tests.Support;

/// <summary>
/// A plain customer mail, with the fields threading and acknowledgements look at. Unset Date
/// means "now" on the harness clock. <see cref="Headers"/> are extra raw header lines.
/// </summary>
internal sealed record TestMail
{
    private static int _counter;

    public string From { get; init; } = "Alice Wang <alice@example.com>";

    public string To { get; init; } = "support@exchange.example";

    public string? Cc { get; init; }

    public string Subject { get; init; } = "Deposit not credited";

    public DateTimeOffset? Date { get; init; }

    /// <summary>Without angle brackets; a unique one by default.</summary>
    public string? MessageId { get; init; } = $"{Guid.NewGuid():N}.{Interlocked.Increment(ref _counter)}@mail.example.com";

    public string? InReplyTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public IReadOnlyList<string> Headers { get; init; } = [];

    public string Body { get; init; } = "Hello,\nmy deposit has not arrived yet. Can you check it?\nThanks";

    public string ToText(DateTimeOffset defaultDate)
    {
        var text = new StringBuilder();
        foreach (var header in Headers)
        {
            text.Append(header).Append('\n');
        }

        text.Append("From: ").Append(From).Append('\n');
        text.Append("To: ").Append(To).Append('\n');
        if (Cc is not null)
        {
            text.Append("Cc: ").Append(Cc).Append('\n');
        }

        text.Append("Subject: ").Append(Eml.HeaderText(Subject)).Append('\n');
        text.Append("Date: ").Append(Eml.Date(Date ?? defaultDate)).Append('\n');
        if (MessageId is not null)
        {
            text.Append("Message-ID: <").Append(MessageId).Append(">\n");
        }

        if (InReplyTo is not null)
        {
            text.Append("In-Reply-To: <").Append(InReplyTo).Append(">\n");
        }

        if (References.Count > 0)
        {
            text.Append("References: ").AppendJoin(' ', References.Select(r => $"<{r}>")).Append('\n');
        }

        text.Append("MIME-Version: 1.0\n");
        text.Append("Content-Type: text/plain; charset=utf-8\n");
        text.Append("Content-Transfer-Encoding: 8bit\n");
        text.Append('\n');
        text.Append(Body).Append('\n');
        return text.ToString();
    }

    public byte[] ToBytes(DateTimeOffset defaultDate) => Eml.Bytes(ToText(defaultDate));
}
