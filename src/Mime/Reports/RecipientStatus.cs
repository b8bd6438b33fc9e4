namespace MailTicketing.Mime.Reports;

/// <summary>One recipient's block of a delivery status notification (RFC 3464 §2.3).</summary>
public sealed record RecipientStatus(
    string? FinalRecipient,
    string? OriginalRecipient,
    string? Action,
    string? Status,
    string? DiagnosticCode,
    string? RemoteMta)
{
    /// <summary>The recipient address without its address-type prefix ("rfc822;").</summary>
    public string? Address => StripType(FinalRecipient) ?? StripType(OriginalRecipient);

    /// <summary>A permanent failure: status class 5 (RFC 3463), or action "failed" with no status.</summary>
    public bool IsPermanentFailure =>
        Status is { Length: > 0 } status ? status.TrimStart().StartsWith('5') : string.Equals(Action, "failed", StringComparison.OrdinalIgnoreCase);

    internal static string? StripType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var semicolon = value.IndexOf(';');
        var address = (semicolon >= 0 ? value[(semicolon + 1)..] : value).Trim().Trim('<', '>');
        return address.Length == 0 ? null : address;
    }
}
