namespace MailTicketing.Imap.Protocol;

/// <summary>
/// A command to run and what to do with the responses it provokes. Untagged responses the
/// command does not take are still processed by the engine (capabilities, EXISTS, BYE).
/// </summary>
internal sealed class ImapCommand(ImapCommandBuilder builder)
{
    public ImapCommandBuilder Builder { get; } = builder;

    public string Name => Builder.Name;

    /// <summary>Sees every untagged response read generically while the command runs.</summary>
    public Action<ImapUntagged>? Untagged { get; init; }

    /// <summary>
    /// Reads "* n FETCH" itself, from just after the word FETCH up to and including the line
    /// end, so that bodies can be streamed. Given the message sequence number.
    /// </summary>
    public Func<uint, ValueTask>? Fetch { get; init; }

    /// <summary>
    /// Answers a continuation request ("+ ...") that comes after the command was sent, e.g. a
    /// SASL challenge. Gets the text after "+"; returns the line to send, which the protocol
    /// log masks. Without it a continuation request is a protocol error.
    /// </summary>
    public Func<string, ValueTask<string>>? Continuation { get; init; }
}
