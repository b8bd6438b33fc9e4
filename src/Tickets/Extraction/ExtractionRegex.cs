using System.Text.RegularExpressions;

namespace MailTicketing.Tickets.Extraction;

// Every pattern in this folder is built here: the non-backtracking engine keeps matching linear
// in the input, and the timeout is a second line of defence on a starved machine. A timeout
// surfaces as RegexMatchTimeoutException so the pipeline can quarantine the message.
internal static class ExtractionRegex
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static Regex Create(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
}
