namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// SPF, DKIM and DMARC as our receiving server recorded them in Authentication-Results
/// (RFC 8601), read from Microsoft 365, Gmail, Postfix with OpenDKIM/OpenDMARC and similar.
/// </summary>
/// <param name="AuthServId">The server whose results were used, or null (none found, or Microsoft 365, which writes no id).</param>
/// <param name="Spf">The SPF result.</param>
/// <param name="Dkim">The DKIM result: pass when any signature passed, fail when one failed and none passed.</param>
/// <param name="Dmarc">The DMARC result.</param>
/// <param name="HasFailure">
/// DMARC failed; or DKIM failed with no passing signature; or SPF failed (hard fail) without a DMARC pass.
/// A soft fail alone is not a failure.
/// </param>
/// <param name="Explanation">A short line for staff: what was found and why it counts as a failure or not.</param>
public sealed record AuthenticationResults(
    string? AuthServId,
    AuthResult Spf,
    AuthResult Dkim,
    AuthResult Dmarc,
    bool HasFailure,
    string Explanation)
{
    /// <summary>Reads the Authentication-Results field values of one message, topmost first.</summary>
    /// <param name="headerValues">The field values in header order (the topmost was added last, by our server).</param>
    /// <param name="trustedAuthServId">
    /// Our receiving server's authserv-id. When given, only fields carrying it are used: any other
    /// field may have been written by the sender. When null, the topmost field's id is used.
    /// </param>
    public static AuthenticationResults Parse(IEnumerable<string?>? headerValues, string? trustedAuthServId = null)
    {
        var headers = new List<AuthResultsHeader>();
        foreach (string? value in headerValues ?? [])
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                headers.Add(AuthResultsHeader.Parse(value));
            }
        }

        if (headers.Count == 0)
        {
            return new AuthenticationResults(null, AuthResult.None, AuthResult.None, AuthResult.None, false,
                "no Authentication-Results header");
        }

        string? id = string.IsNullOrWhiteSpace(trustedAuthServId) ? headers[0].AuthServId : trustedAuthServId.Trim();
        var used = headers.Where(h => string.Equals(h.AuthServId, id, StringComparison.OrdinalIgnoreCase)).ToList();
        if (used.Count == 0)
        {
            return new AuthenticationResults(null, AuthResult.None, AuthResult.None, AuthResult.None, false,
                $"no Authentication-Results header from {id}; {headers.Count} from other servers ignored");
        }

        var spf = Pick(used, "spf");
        var dkim = Pick(used, "dkim");
        var dmarc = Pick(used, "dmarc");
        var reasons = new List<string>(3);
        if (dmarc.Result == AuthResult.Fail)
        {
            reasons.Add("DMARC failed");
        }

        if (dkim.Result == AuthResult.Fail)
        {
            reasons.Add("DKIM failed and no signature passed");
        }

        if (spf.Result == AuthResult.Fail && dmarc.Result != AuthResult.Pass)
        {
            reasons.Add("SPF failed without a DMARC pass");
        }

        string summary = $"{Describe("spf", spf)} {Describe("dkim", dkim)} {Describe("dmarc", dmarc)}";
        string verdict = reasons.Count > 0 ? string.Join("; ", reasons) : "no failure";
        string source = used[0].AuthServId is { } authServId ? authServId + ": " : "";
        return new AuthenticationResults(used[0].AuthServId, spf.Result, dkim.Result, dmarc.Result, reasons.Count > 0,
            $"{source}{summary} -> {verdict}");
    }

    // A method is taken from the topmost header reporting it, so a lower (older, possibly
    // forged) header cannot override it. DKIM: one passing signature is enough.
    private static AuthResultsHeader.Method Pick(List<AuthResultsHeader> headers, string name)
    {
        foreach (var header in headers)
        {
            AuthResultsHeader.Method? first = null;
            AuthResultsHeader.Method? failed = null;
            foreach (var method in header.Methods)
            {
                if (method.Name != name)
                {
                    continue;
                }

                if (name == "dkim" && method.Result == AuthResult.Pass)
                {
                    return method;
                }

                first ??= method;
                if (method.Result == AuthResult.Fail)
                {
                    failed ??= method;
                }
            }

            if (first is { } found)
            {
                return name == "dkim" && failed is { } fail ? fail : found;
            }
        }

        return new AuthResultsHeader.Method(name, AuthResult.None, null);
    }

    private static string Describe(string name, AuthResultsHeader.Method method) =>
        method.Property is { Length: > 0 } property
            ? $"{name}={method.Result.ToString().ToLowerInvariant()} ({property})"
            : $"{name}={method.Result.ToString().ToLowerInvariant()}";
}
