using System.Globalization;

namespace MailTicketing.Crash.Tests.Harness;

/// <summary>What one crash run measured; <see cref="Summary"/> is the line scripts/crash-test prints.</summary>
internal sealed record CrashFigures
{
    public int Messages { get; init; }

    public int Kills { get; init; }

    public int Seed { get; init; }

    public int Restarts { get; init; }

    /// <summary>Kills that came before the backlog, its acknowledgements and its reminders were all done.</summary>
    public int KillsBeforeDrained { get; init; }

    /// <summary>Distinct Message-IDs of the backlog without an inbound message row.</summary>
    public int Lost { get; init; }

    /// <summary>IMAP UIDs of the folder never recorded as read (source_items).</summary>
    public int Unread { get; init; }

    /// <summary>Message-IDs stored more than once (in one ticket or two).</summary>
    public int StoredTwice { get; init; }

    public int Problems { get; init; }

    public int Tickets { get; init; }

    /// <summary>Tickets beyond one per problem.</summary>
    public int DuplicatedTickets { get; init; }

    /// <summary>Messages in a ticket other than their problem's, and tickets holding two problems.</summary>
    public int Misthreaded { get; init; }

    public int AcknowledgementRows { get; init; }

    /// <summary>Tickets without exactly one acknowledgement row, or whose acknowledgement never arrived.</summary>
    public int MissingAcknowledgements { get; init; }

    public int DuplicateAcknowledgements { get; init; }

    public int AcknowledgementWindow { get; init; }

    public int Reminders { get; init; }

    public int MissingReminders { get; init; }

    public int RemindersTwice { get; init; }

    public int ReminderWindow { get; init; }

    /// <summary>Outbox rows that ended Failed (a permanent refusal or too many attempts).</summary>
    public int FailedOutbox { get; init; }

    public string Integrity { get; init; } = "";

    public int FinalExitCode { get; init; }

    public TimeSpan Wall { get; init; }

    public TimeSpan Drained { get; init; }

    public bool Passed =>
        Lost == 0 && Unread == 0 && StoredTwice == 0 && DuplicatedTickets == 0 && Misthreaded == 0
        && MissingAcknowledgements == 0 && DuplicateAcknowledgements == 0 && MissingReminders == 0 && RemindersTwice == 0
        && FailedOutbox == 0 && Integrity == "ok" && FinalExitCode == 0;

    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"crash: messages {Messages}, kills {Kills}, seed {Seed}, lost {Lost}, duplicated tickets {DuplicatedTickets}, " +
        $"duplicate acknowledgements {DuplicateAcknowledgements} (SMTP window: {AcknowledgementWindow}), " +
        $"reminders twice {RemindersTwice} (SMTP window: {ReminderWindow}), restarts {Restarts}, wall {Wall.TotalSeconds:F0} s");

    public string Details => string.Create(
        CultureInfo.InvariantCulture,
        $"crash: {Problems} problems -> {Tickets} tickets, misthreaded {Misthreaded}, stored twice {StoredTwice}, unread {Unread}; " +
        $"acknowledgements {AcknowledgementRows} (missing {MissingAcknowledgements}); reminders {Reminders} (missing {MissingReminders}); " +
        $"failed outbox rows {FailedOutbox}; {KillsBeforeDrained} of {Kills} kills before the work was done (drained after {Drained.TotalSeconds:F0} s); " +
        $"integrity_check {Integrity}; final SIGTERM exit code {FinalExitCode}; {(Passed ? "PASS" : "FAIL")}");
}
