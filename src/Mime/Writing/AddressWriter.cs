using System.Globalization;

namespace MailTicketing.Mime.Writing;

/// <summary>Writes mailboxes and mailbox lists (RFC 5322 §3.4) with strict addr-spec checks.</summary>
internal static class AddressWriter
{
    public static void AppendMailboxes(HeaderFolder header, IReadOnlyList<MailboxAddress> mailboxes)
    {
        for (var i = 0; i < mailboxes.Count; i++)
        {
            var mailbox = mailboxes[i] ?? throw new ArgumentException("A mailbox list contains null.");
            var addrSpec = FormatAddrSpec(mailbox.Address);
            var separator = i < mailboxes.Count - 1 ? "," : string.Empty;
            if (HeaderText.NormalizeDisplayName(mailbox.Name) is not { } name)
            {
                header.AppendToken(addrSpec + separator);
            }
            else
            {
                HeaderText.AppendPhrase(header, name);
                header.AppendToken("<" + addrSpec + ">" + separator);
            }
        }
    }

    /// <summary>
    /// Validates and canonicalises an addr-spec: an ASCII local part (a dot-atom, else quoted) and
    /// a domain converted to its ASCII (punycode) form. A non-ASCII local part needs SMTPUTF8
    /// (RFC 6531), which we do not send, so it is refused.
    /// </summary>
    public static string FormatAddrSpec(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new ArgumentException("A mailbox has an empty address.");
        }

        address = address.Trim();
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            throw new ArgumentException($"'{address}' is not an addr-spec (local-part@domain).");
        }

        return FormatLocalPart(address[..at]) + "@" + FormatDomain(address[(at + 1)..]);
    }

    public static string FormatDomain(string domain)
    {
        if (domain.StartsWith('[') && domain.EndsWith(']') && domain.Length > 2)
        {
            // Domain literal: dtext is printable ASCII except '[', ']' and '\' (RFC 5322 §3.4.1).
            var inner = domain.AsSpan(1, domain.Length - 2);
            if (!inner.ContainsAnyExceptInRange('!', '~') && inner.IndexOfAny("[]\\") < 0)
            {
                return domain;
            }

            throw new ArgumentException($"'{domain}' is not a valid domain literal.");
        }

        string ascii;
        try
        {
            // A fresh mapping per call: IdnMapping has mutable settings and no thread-safety promise.
            ascii = new IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false }.GetAscii(domain);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"'{domain}' is not a valid domain name: {e.Message}", e);
        }

        if (!MimeSyntax.IsDotAtomText(ascii))
        {
            throw new ArgumentException($"'{domain}' is not a valid domain name.");
        }

        return ascii.ToLowerInvariant();
    }

    private static string FormatLocalPart(string local)
    {
        foreach (var c in local)
        {
            if (c > '~')
            {
                throw new ArgumentException($"The local part '{local}' is not ASCII; sending it would need SMTPUTF8, which is not supported.");
            }

            if (c < ' ')
            {
                throw new ArgumentException("A local part contains a control character.");
            }
        }

        if (MimeSyntax.IsDotAtomText(local))
        {
            return local;
        }

        if (IsQuotedString(local))
        {
            return local;
        }

        return MimeSyntax.Quote(local);
    }

    private static bool IsQuotedString(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return false;
        }

        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                if (i == text.Length - 1)
                {
                    return false;
                }
            }
            else if (text[i] == '"')
            {
                return false;
            }
        }

        return true;
    }
}
