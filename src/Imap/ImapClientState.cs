namespace MailTicketing.Imap;

/// <summary>Where the session stands (RFC 3501 §3).</summary>
public enum ImapClientState
{
    /// <summary>Connected and greeted, not logged in yet.</summary>
    NotAuthenticated,
    Authenticated,

    /// <summary>A mailbox is selected (SELECT or EXAMINE).</summary>
    Selected,

    /// <summary>LOGOUT done or the client disposed.</summary>
    LoggedOut,

    /// <summary>The connection failed or was given up; dispose and reconnect.</summary>
    Faulted,
}
