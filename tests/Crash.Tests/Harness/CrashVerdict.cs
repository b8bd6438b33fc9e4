using MailTicketing.Crash.Tests.Backlog;

namespace MailTicketing.Crash.Tests.Harness;

/// <summary>
/// Compares what the run left (the database, and the mail that really arrived at the customers'
/// and the team's mailboxes) with the backlog's grouping, known by construction.
/// </summary>
internal static class CrashVerdict
{
    /// <summary>A second copy may be that of a message in flight when the worker was killed: the server had
    /// accepted it, the row was not yet marked sent. Received headers have whole seconds.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    public static CrashFigures Measure(
        CrashBacklog backlog, CrashDatabase database, string source, IReadOnlyList<DeliveredMail.Copy> customerMail,
        IReadOnlyList<DeliveredMail.Copy> teamMail, IReadOnlyList<DateTimeOffset> kills, ICollection<string> problems)
    {
        var inbound = database.Query<(string MessageId, long TicketId)>("SELECT message_id, ticket_id FROM messages WHERE direction = 'Inbound' AND message_id IS NOT NULL")
            .GroupBy(m => Bare(m.MessageId))
            .ToDictionary(g => g.Key, g => g.Select(m => m.TicketId).ToList());
        var tickets = database.Query<long>("SELECT id FROM tickets").ToHashSet();

        // Each problem's ticket is the one its first message made.
        var expected = new Dictionary<int, long>();
        var lost = 0;
        var misthreaded = 0;
        foreach (var message in backlog.Messages.DistinctBy(m => m.MessageId))
        {
            if (!inbound.TryGetValue(message.MessageId, out var rows))
            {
                lost++;
                problems.Add($"lost: <{message.MessageId}> ({message.Kind}, problem {message.Problem})");
                continue;
            }

            if (message.Kind == BacklogKind.NewProblem)
            {
                expected[message.Problem] = rows[0];
            }
            else if (expected.TryGetValue(message.Problem, out var ticket) && !rows.Contains(ticket))
            {
                misthreaded++;
                problems.Add($"misthreaded: <{message.MessageId}> ({message.Kind}) in ticket {rows[0]}, its problem's is {ticket}");
            }
        }

        var storedTwice = inbound.Count(i => i.Value.Count > 1);
        foreach (var twice in inbound.Where(i => i.Value.Count > 1))
        {
            problems.Add($"stored {twice.Value.Count} times: <{twice.Key}> in tickets {string.Join(", ", twice.Value)}");
        }

        foreach (var merged in expected.GroupBy(e => e.Value).Where(g => g.Count() > 1))
        {
            misthreaded += merged.Count() - 1;
            problems.Add($"ticket {merged.Key} holds problems {string.Join(", ", merged.Select(m => m.Key))}");
        }

        var problemTickets = expected.Values.ToHashSet();
        var duplicated = tickets.Count(t => !problemTickets.Contains(t));
        if (duplicated > 0)
        {
            problems.Add($"tickets that are no problem's own: {string.Join(", ", tickets.Where(t => !problemTickets.Contains(t)).Take(20))}");
        }

        var outbox = database.Query<(long Id, long TicketId, string Recipient, string MessageId, string State)>(
            "SELECT id, ticket_id, recipient, message_id, state FROM outbox");
        var acknowledgements = outbox.Where(o => !o.Recipient.Equals(CrashConfig.TeamAddress, StringComparison.OrdinalIgnoreCase)).ToList();
        var claims = database.Query<(string Key, long TicketId, long? OutboxId)>("SELECT key, ticket_id, outbox_id FROM scheduled_claims WHERE key LIKE '%:reminder'");
        var unusedKills = kills.Order().ToList();

        var ackCopies = customerMail.Where(c => c.MessageId is not null).ToLookup(c => Bare(c.MessageId!));
        var (missingAcks, duplicateAcks, ackWindow) = (0, 0, 0);
        foreach (var ticket in problemTickets)
        {
            var rows = acknowledgements.Where(a => a.TicketId == ticket).ToList();
            if (rows.Count == 0)
            {
                missingAcks++;
                problems.Add($"ticket {ticket}: no acknowledgement row");
                continue;
            }

            duplicateAcks += rows.Count - 1;
            foreach (var row in rows)
            {
                var (missing, outside, window) = Copies(ackCopies[Bare(row.MessageId)].ToList(), unusedKills);
                missingAcks += missing;
                duplicateAcks += outside;
                ackWindow += window;
                if (missing + outside > 0)
                {
                    problems.Add($"ticket {ticket}: acknowledgement <{row.MessageId}> ({row.State}) arrived {ackCopies[Bare(row.MessageId)].Count()} times");
                }
            }
        }

        var teamCopies = teamMail.Where(c => c.MessageId is not null).ToLookup(c => Bare(c.MessageId!));
        var outboxById = outbox.ToDictionary(o => o.Id);
        var (missingReminders, remindersTwice, reminderWindow) = (0, 0, 0);
        foreach (var ticket in problemTickets)
        {
            var ticketClaims = claims.Where(c => c.TicketId == ticket).ToList();
            if (ticketClaims.Count == 0 || ticketClaims.Any(c => c.OutboxId is null))
            {
                missingReminders++;
                problems.Add($"ticket {ticket}: {ticketClaims.Count} reminder claims, without an outbox row: {ticketClaims.Count(c => c.OutboxId is null)}");
                continue;
            }

            remindersTwice += ticketClaims.Count - 1;
            foreach (var claim in ticketClaims)
            {
                var row = outboxById[claim.OutboxId!.Value];
                var (missing, outside, window) = Copies(teamCopies[Bare(row.MessageId)].ToList(), unusedKills);
                missingReminders += missing;
                remindersTwice += outside;
                reminderWindow += window;
                if (missing + outside > 0)
                {
                    problems.Add($"ticket {ticket}: reminder {claim.Key} <{row.MessageId}> ({row.State}) arrived {teamCopies[Bare(row.MessageId)].Count()} times");
                }
            }
        }

        return new CrashFigures
        {
            Messages = backlog.Messages.Count,
            Lost = lost,
            Unread = backlog.Messages.Count - (int)database.Count("SELECT COUNT(*) FROM source_items WHERE source = @source", new { source }),
            StoredTwice = storedTwice,
            Problems = backlog.Problems,
            Tickets = tickets.Count,
            DuplicatedTickets = duplicated,
            Misthreaded = misthreaded,
            AcknowledgementRows = acknowledgements.Count,
            MissingAcknowledgements = missingAcks,
            DuplicateAcknowledgements = duplicateAcks,
            AcknowledgementWindow = ackWindow,
            Reminders = claims.Count,
            MissingReminders = missingReminders,
            RemindersTwice = remindersTwice,
            ReminderWindow = reminderWindow,
            FailedOutbox = outbox.Count(o => o.State != "Sent"),
            Integrity = database.IntegrityCheck(),
        };
    }

    /// <summary>
    /// Sorts the copies of one outgoing message that arrived: none is a missing one; each copy after
    /// the first is the SMTP window when a kill fell between the previous copy's acceptance and its
    /// own (one copy per kill: one message is in flight at a time), else a duplicate outside it.
    /// </summary>
    private static (int Missing, int Outside, int Window) Copies(List<DeliveredMail.Copy> copies, List<DateTimeOffset> unusedKills)
    {
        if (copies.Count == 0)
        {
            return (1, 0, 0);
        }

        var sorted = copies.OrderBy(c => c.AcceptedAt).ToList();
        var (outside, window) = (0, 0);
        for (var i = 1; i < sorted.Count; i++)
        {
            var from = sorted[i - 1].AcceptedAt - Tolerance;
            var to = sorted[i].AcceptedAt + Tolerance;
            var kill = unusedKills.FindIndex(k => k >= from && k <= to);
            if (kill >= 0)
            {
                unusedKills.RemoveAt(kill);
                window++;
            }
            else
            {
                outside++;
            }
        }

        return (0, outside, window);
    }

    private static string Bare(string messageId) => messageId.Trim().TrimStart('<').TrimEnd('>');
}
