using System.Globalization;
using System.Text;
using MailTicketing.Tickets.Extraction;
using MailTicketing.Tickets.Threading;

namespace MailTicketing.Crash.Tests.Backlog;

/// <summary>
/// The backlog of the crash test, generated from a seed: mostly new problems from the three real
/// customers of the test Dovecot, and follow-ups (replies, the same order again, resends) whose
/// ticket is known by construction. Every problem has its own order number and its own random
/// text, checked to be far from every earlier text of the same customer (the worker joins
/// nearly identical texts), so the expected grouping is exact.
/// </summary>
internal sealed class CrashBacklog
{
    public static readonly string[] Customers = ["alice", "bob", "carol"];

    // Plain words: the texts differ by which words and in what order, never by a number alone.
    private static readonly string[] Words =
    [
        "account", "address", "amount", "arrived", "balance", "bank", "blocked", "card", "chain", "charged",
        "confirm", "deposit", "exchange", "fee", "funds", "hours", "login", "missing", "network", "pending",
        "phone", "please", "refund", "screen", "support", "transfer", "verify", "wallet", "waiting", "wrong",
        "yesterday", "today", "morning", "evening", "again", "still", "never", "always", "twice", "error",
        "message", "shows", "after", "before", "since", "because", "cannot", "should", "would", "could",
        "green", "yellow", "river", "garden", "window", "kitchen", "letter", "market", "orange", "silver",
        "travel", "winter", "summer", "spring", "autumn", "monday", "friday", "sunday", "holiday", "family",
    ];

    private static readonly string[] Topics =
    [
        "Withdrawal not received", "Deposit missing", "Cannot log in", "Card payment failed", "Transfer stuck",
        "Wrong balance shown", "Verification pending", "Refund request", "Fee charged twice", "Account blocked",
    ];

    private CrashBacklog(string runTag, IReadOnlyList<BacklogMessage> messages, int problems)
    {
        RunTag = runTag;
        Messages = messages;
        Problems = problems;
    }

    public string RunTag { get; }

    public IReadOnlyList<BacklogMessage> Messages { get; }

    /// <summary>How many tickets the backlog must make (one per new problem).</summary>
    public int Problems { get; }

    public static string Address(string customer) => $"{customer}@customer.example";

    public static CrashBacklog Create(int count, int seed, DateTimeOffset date)
    {
        var random = new Random(seed);
        var runTag = $"{seed:x8}{Guid.NewGuid():N}"[..16];
        var messages = new List<BacklogMessage>(count);
        var fingerprints = Customers.ToDictionary(c => c, _ => new List<long>());
        var firstOfProblem = new List<BacklogMessage>();

        for (var i = 0; i < count; i++)
        {
            // The first messages are all new problems, so every follow-up has something to follow.
            var roll = i < 10 ? 0 : random.NextDouble();
            if (roll < 0.72)
            {
                var customer = Customers[random.Next(Customers.Length)];
                var problem = firstOfProblem.Count;
                var subject = $"{Topics[random.Next(Topics.Length)]} ({problem.ToString(CultureInfo.InvariantCulture)})";
                var id = MessageId(runTag, i);
                var body = DistinctBody(random, fingerprints[customer], text => $"Hello,\r\n\r\n{text}\r\n\r\nMy order WD{problem.ToString("D8", CultureInfo.InvariantCulture)} is affected.\r\n\r\nRegards,\r\n{customer}\r\n");
                var message = new BacklogMessage(i, BacklogKind.NewProblem, problem, customer, id, Mail(customer, subject, id, date, body, inReplyTo: null));
                firstOfProblem.Add(message);
                messages.Add(message);
                continue;
            }

            var original = firstOfProblem[random.Next(firstOfProblem.Count)];
            var kind = roll < 0.84 ? BacklogKind.Reply : roll < 0.93 ? BacklogKind.SameOrder : roll < 0.97 ? BacklogKind.ExactResend : BacklogKind.ResendWithNewHeader;
            var who = original.Customer;
            switch (kind)
            {
                case BacklogKind.Reply:
                    {
                        var id = MessageId(runTag, i);
                        var body = DistinctBody(random, fingerprints[who], text => $"Any news? {text}\r\n\r\n> earlier message quoted here\r\n");
                        messages.Add(new BacklogMessage(i, kind, original.Problem, who, id, Mail(who, "Re: " + Subject(original), id, date, body, original.MessageId)));
                        break;
                    }

                case BacklogKind.SameOrder:
                    {
                        var id = MessageId(runTag, i);
                        var body = DistinctBody(random, fingerprints[who], text => $"About order WD{original.Problem.ToString("D8", CultureInfo.InvariantCulture)}: {text}\r\n");
                        messages.Add(new BacklogMessage(i, kind, original.Problem, who, id, Mail(who, $"Question {i.ToString(CultureInfo.InvariantCulture)}", id, date, body, inReplyTo: null)));
                        break;
                    }

                case BacklogKind.ExactResend:
                    messages.Add(original with { Index = i, Kind = kind });
                    break;

                default:
                    messages.Add(original with { Index = i, Kind = kind, Bytes = [.. "X-Resent-Hop: 1\r\n"u8, .. original.Bytes] });
                    break;
            }
        }

        return new CrashBacklog(runTag, messages, firstOfProblem.Count);
    }

    private static string MessageId(string runTag, int index) => $"crash-{runTag}-{index.ToString(CultureInfo.InvariantCulture)}@customer.example";

    private static string Subject(BacklogMessage message)
    {
        var text = Encoding.ASCII.GetString(message.Bytes);
        var start = text.IndexOf("\r\nSubject: ", StringComparison.Ordinal) + "\r\nSubject: ".Length;
        return text[start..text.IndexOf("\r\n", start, StringComparison.Ordinal)];
    }

    /// <summary>
    /// A body around twenty-four random words, fingerprinted the way ingestion does it (secrets
    /// redacted, quote and signature set aside), at least 16 of 64 bits from every earlier text of
    /// this customer: the worker calls 7 or fewer a near-duplicate, so nothing joins by accident.
    /// Random runs of common words can look like a BIP39 seed phrase and be redacted to one
    /// shared placeholder (the first 2,000-message run merged two problems that way): a text in
    /// which the secret scanner finds anything is drawn again.
    /// </summary>
    private static string DistinctBody(Random random, List<long> earlier, Func<string, string> body)
    {
        while (true)
        {
            var text = body(string.Join(' ', Enumerable.Range(0, 24).Select(_ => Words[random.Next(Words.Length)])));
            var redacted = SecretScanner.Redact("", text);
            if (redacted.Findings.Count > 0)
            {
                continue;
            }

            var fingerprint = TextFingerprint.Compute(ReplyParser.Split(redacted.Body, "").NewText);
            if (earlier.All(e => TextFingerprint.Distance(e, fingerprint) >= 16))
            {
                earlier.Add(fingerprint);
                return text;
            }
        }
    }

    private static byte[] Mail(string customer, string subject, string messageId, DateTimeOffset date, string body, string? inReplyTo)
    {
        var header = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"From: {char.ToUpperInvariant(customer[0])}{customer[1..]} Customer <{Address(customer)}>\r\n")
            .Append("To: support@exchange.example\r\n")
            .Append(CultureInfo.InvariantCulture, $"Subject: {subject}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {date.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Message-ID: <{messageId}>\r\n");
        if (inReplyTo is not null)
        {
            header.Append(CultureInfo.InvariantCulture, $"In-Reply-To: <{inReplyTo}>\r\nReferences: <{inReplyTo}>\r\n");
        }

        header.Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n").Append(body);
        return Encoding.ASCII.GetBytes(header.ToString());
    }
}
