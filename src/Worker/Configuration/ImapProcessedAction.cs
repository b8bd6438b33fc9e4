namespace MailTicketing.Worker.Configuration;

/// <summary>What happens on the server to a message once its ticket is committed.</summary>
public enum ImapProcessedAction
{
    /// <summary>Sets <see cref="ImapMailboxOptions.ProcessedFlag"/> (\Seen by default, or a keyword).</summary>
    Flag,

    /// <summary>Moves it to <see cref="ImapMailboxOptions.ProcessedFolder"/>, created when missing.</summary>
    Move,

    /// <summary>Leaves it as it is: the checkpoint alone says it was read.</summary>
    Leave,
}
