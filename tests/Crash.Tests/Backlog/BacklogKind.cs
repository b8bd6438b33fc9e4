namespace MailTicketing.Crash.Tests.Backlog;

/// <summary>What a message of the backlog is, and so where it must end up.</summary>
internal enum BacklogKind
{
    /// <summary>A new problem: a new ticket and one acknowledgement.</summary>
    NewProblem,

    /// <summary>A reply to the customer's own earlier message (In-Reply-To): joins its ticket.</summary>
    Reply,

    /// <summary>New text and subject about the same order number: joins by identifier.</summary>
    SameOrder,

    /// <summary>The same bytes again (a client that sent twice): one message row, a recorded duplicate.</summary>
    ExactResend,

    /// <summary>The same Message-ID with one more header (a resend through another hop): a recorded duplicate.</summary>
    ResendWithNewHeader,
}
