using MailTicketing.Storage.Tests.Support;
using MailTicketing.Tickets.Model;

namespace MailTicketing.Storage.Tests.Contract;

/// <summary>Messages: insert, Message-ID lookup, recent texts, outbox counting.</summary>
public abstract class MessageContract<TProvider> : StoreContract<TProvider>
    where TProvider : IStoreProvider, new()
{
    [Fact]
    public async Task A_message_is_found_by_its_Message_ID_and_direction()
    {
        var (id, _) = await CreateTicketAsync();
        var at = Samples.T0.AddMinutes(5);
        var inbound = await AddMessageAsync(Samples.Message(id, "<m1@mail.example>", at: at));
        var outbound = await AddMessageAsync(Samples.Message(
            id, "<m1@mail.example>", MessageDirection.Outbound, "support@exchange.example", kind: MessageKind.Acknowledgement));

        var (foundIn, foundOut, missing) = await InSessionAsync(async session => (
            await session.FindMessageByMessageIdAsync("<m1@mail.example>", MessageDirection.Inbound),
            await session.FindMessageByMessageIdAsync("<m1@mail.example>", MessageDirection.Outbound),
            await session.FindMessageByMessageIdAsync("<m2@mail.example>", MessageDirection.Inbound)));

        Assert.Equal(new MessageRef(inbound, id, "support", MessageDirection.Inbound, MessageKind.CustomerMail, Samples.Alice, at), foundIn);
        Assert.Equal(outbound, foundOut!.MessageRowId);
        Assert.Equal(MessageKind.Acknowledgement, foundOut.Kind);
        Assert.Null(missing);
    }

    [Fact]
    public async Task The_first_stored_copy_answers_for_a_Message_ID_seen_twice()
    {
        var (first, _) = await CreateTicketAsync();
        var (second, _) = await CreateTicketAsync();
        var firstRow = await AddMessageAsync(Samples.Message(first, "<dup@mail.example>"));
        await AddMessageAsync(Samples.Message(second, "<dup@mail.example>", mailbox: "security"));

        var found = await InSessionAsync(session => session.FindMessageByMessageIdAsync("<dup@mail.example>", MessageDirection.Inbound));

        Assert.Equal(firstRow, found!.MessageRowId);
    }

    [Fact]
    public async Task A_stored_message_reads_back_with_its_attachments_in_order()
    {
        var (id, number) = await CreateTicketAsync();
        var (raw, rawBytes) = Samples.Content("raw mail");
        var (shot, shotBytes) = Samples.Content("png bytes");
        var (pdf, pdfBytes) = Samples.Content("pdf bytes");
        await InSessionAsync(async session =>
        {
            await session.PutBlobAsync(raw, new MemoryStream(rawBytes), compress: true);
            await session.PutBlobAsync(shot, new MemoryStream(shotBytes), compress: false);
            await session.PutBlobAsync(pdf, new MemoryStream(pdfBytes), compress: false);
            return 0;
        });
        StoredAttachment[] attachments =
        [
            new("截图.png", "image/png", 9, shot, "<img1>", "inline"),
            new(null, "application/pdf", 9, pdf, null, "attachment"),
        ];
        var message = Samples.Message(id, "<m1@mail.example>", text: "UID 88001, 交易哈希 0xabc", rawSha256: raw, attachments: attachments);

        var rowId = await AddMessageAsync(message);
        var stored = Assert.Single((await Store.GetTicketAsync(number, Ct))!.Messages);

        Assert.Equal(
            new StoredMessage(rowId, "support", MessageDirection.Inbound, MessageKind.CustomerMail, "<m1@mail.example>", Samples.Alice,
                "Alice Example", "Withdrawal not received", Samples.T0, ThreadingReason.NewTicket, "no earlier ticket",
                "UID 88001, 交易哈希 0xabc", raw, []),
            stored with { Attachments = [] });
        Assert.Equal(attachments, stored.Attachments);
    }

    [Fact]
    public async Task A_message_naming_a_blob_that_was_never_stored_is_refused()
    {
        var (id, _) = await CreateTicketAsync();
        await using var session = await Store.BeginAsync(Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => session.InsertMessageAsync(Samples.Message(id, rawSha256: new string('d', 64))));
    }

    [Fact]
    public async Task Recent_inbound_texts_are_this_customers_on_open_tickets_newest_first()
    {
        var (open, _) = await CreateTicketAsync();
        var (closed, _) = await CreateTicketAsync();
        var (bobs, _) = await CreateTicketAsync(customer: Samples.Bob);
        var old = await AddMessageAsync(Samples.Message(open, at: Samples.T0.AddDays(-10), fingerprint: 1));
        var first = await AddMessageAsync(Samples.Message(open, at: Samples.T0.AddMinutes(1), fingerprint: 2));
        var second = await AddMessageAsync(Samples.Message(open, at: Samples.T0.AddMinutes(2), fingerprint: 3));
        await AddMessageAsync(Samples.Message(open, direction: MessageDirection.Outbound, from: "support@exchange.example", at: Samples.T0.AddMinutes(3)));
        await AddMessageAsync(Samples.Message(closed, at: Samples.T0.AddMinutes(4)));
        await AddMessageAsync(Samples.Message(bobs, from: Samples.Bob, at: Samples.T0.AddMinutes(5)));
        await InSessionAsync(async session =>
        {
            await session.UpdateTicketAsync(closed, TicketStatus.Closed, TicketFlags.None, Samples.T0);
            return 0;
        });

        var recent = await InSessionAsync(session => session.FindRecentInboundTextsAsync("Alice@Example.com", Samples.T0.AddDays(-1), 10));
        var limited = await InSessionAsync(session => session.FindRecentInboundTextsAsync(Samples.Alice, Samples.T0.AddDays(-30), 1));

        Assert.Equal(
            [new RecentText(open, second, 3, Samples.T0.AddMinutes(2)), new RecentText(open, first, 2, Samples.T0.AddMinutes(1))],
            recent);
        Assert.Equal([second], limited.Select(text => text.MessageRowId));
        Assert.DoesNotContain(old, recent.Select(text => text.MessageRowId));
    }

    [Fact]
    public async Task Outbox_rows_to_an_address_are_counted_since_a_time()
    {
        var (id, _) = await CreateTicketAsync();
        var ack = await AddMessageAsync(Samples.Message(id, direction: MessageDirection.Outbound, from: "support@exchange.example"));
        await InSessionAsync(async session =>
        {
            await session.EnqueueOutboxAsync(Samples.Outbox(id, ack, at: Samples.T0.AddMinutes(-90)));
            await session.EnqueueOutboxAsync(Samples.Outbox(id, ack, at: Samples.T0.AddMinutes(-30)));
            await session.EnqueueOutboxAsync(Samples.Outbox(id, ack, at: Samples.T0.AddMinutes(-10)));
            await session.EnqueueOutboxAsync(Samples.Outbox(id, ack, Samples.Bob, Samples.T0.AddMinutes(-10)));
            return 0;
        });

        var count = await InSessionAsync(session => session.CountOutboxSinceAsync("ALICE@example.com", Samples.T0.AddHours(-1)));

        Assert.Equal(2, count);
    }
}
