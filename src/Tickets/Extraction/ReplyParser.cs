namespace MailTicketing.Tickets.Extraction;

/// <summary>
/// Splits a plain-text body into the sender's new text and the parts to set aside: quoted
/// replies, the signature, and forwarded content. Knows the reply and forward styles of Gmail,
/// Outlook (English and Chinese), Apple Mail, QQ Mail, Foxmail and 163/NetEase.
/// </summary>
public static class ReplyParser
{
    /// <summary>Splits <paramref name="body"/> (line breaks "\n" or "\r\n").</summary>
    /// <param name="body">The text body.</param>
    /// <param name="subject">
    /// The subject, if known: under "Fw:"/"转发:" an Outlook-style header block introduces
    /// forwarded content rather than a quoted reply.
    /// </param>
    public static ReplySplit Split(string? body, string? subject = null)
    {
        if (string.IsNullOrEmpty(body))
        {
            return new ReplySplit("", "", "", "");
        }

        string[] lines = body.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        string[] keys = Array.ConvertAll(lines, ReplyMarkers.Key);
        var roles = new LineRole[lines.Length];
        bool forwardSubject = ReplyMarkers.IsForwardSubject(subject);

        int cut = lines.Length;
        var cutRole = LineRole.Quoted;
        for (int i = 0; i < lines.Length; i++)
        {
            if (ReplyMarkers.IsQuoted(keys[i]))
            {
                roles[i] = LineRole.Quoted;
                continue;
            }

            if (ReplyMarkers.IsForwardMarker(keys[i]))
            {
                (cut, cutRole) = (i, LineRole.Forwarded);
                break;
            }

            if (ReplyMarkers.IsOriginalMessageBanner(keys[i]) || ReplyMarkers.IsHeaderBlock(keys, i))
            {
                cut = i > 0 && ReplyMarkers.IsRule(keys[i - 1]) ? i - 1 : i;
                cutRole = forwardSubject ? LineRole.Forwarded : LineRole.Quoted;
                break;
            }

            int attribution = ReplyMarkers.AttributionLength(keys, i);
            if (attribution > 0)
            {
                // Followed by "> " lines, the reply may go on below (inline or bottom posting);
                // otherwise (163, some webmail) everything after the attribution is the old mail.
                int next = i + attribution;
                while (next < lines.Length && keys[next].Length == 0)
                {
                    next++;
                }

                if (next < lines.Length && ReplyMarkers.IsQuoted(keys[next]))
                {
                    roles.AsSpan(i, attribution).Fill(LineRole.Quoted);
                    i += attribution - 1;
                    continue;
                }

                cut = i;
                break;
            }
        }

        roles.AsSpan(cut).Fill(cutRole);
        MarkSignature(lines, keys, roles, cut);
        AttachBlankLines(keys, roles);
        return new ReplySplit(
            Join(lines, roles, LineRole.New),
            Join(lines, roles, LineRole.Quoted),
            Join(lines, roles, LineRole.Signature),
            Join(lines, roles, LineRole.Forwarded));
    }

    private static void MarkSignature(string[] lines, string[] keys, LineRole[] roles, int cut)
    {
        // RFC 3676 §4.3: "-- " on its own line starts the signature (many clients drop the space).
        int end = cut;
        for (int i = 0; i < cut; i++)
        {
            if (roles[i] == LineRole.New && ReplyMarkers.IsSignatureDelimiter(lines[i]))
            {
                for (int k = i; k < cut; k++)
                {
                    if (roles[k] == LineRole.New)
                    {
                        roles[k] = LineRole.Signature;
                    }
                }

                end = i;
                break;
            }
        }

        // Mobile signatures ("Sent from my iPhone", "发自我的iPhone") close the new text: only
        // blank or quoted lines may follow them.
        for (int i = end - 1; i >= 0; i--)
        {
            if (roles[i] != LineRole.New || keys[i].Length == 0)
            {
                continue;
            }

            if (!ReplyMarkers.IsMobileSignature(keys[i]))
            {
                break;
            }

            roles[i] = LineRole.Signature;
        }
    }

    // A blank line between two lines of the same part belongs to that part.
    private static void AttachBlankLines(string[] keys, LineRole[] roles)
    {
        var previous = LineRole.New;
        bool seen = false;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i].Length > 0)
            {
                previous = roles[i];
                seen = true;
                continue;
            }

            int next = i;
            while (next < keys.Length && keys[next].Length == 0)
            {
                next++;
            }

            if (seen && next < keys.Length && roles[next] == previous)
            {
                roles.AsSpan(i, next - i).Fill(previous);
            }

            i = next - 1;
        }
    }

    private static string Join(string[] lines, LineRole[] roles, LineRole role)
    {
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.Length; i++)
        {
            if (roles[i] == role && !string.IsNullOrWhiteSpace(lines[i]))
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (first < 0)
        {
            return "";
        }

        var parts = new List<string>(last - first + 1);
        for (int i = first; i <= last; i++)
        {
            if (roles[i] == role)
            {
                parts.Add(lines[i]);
            }
        }

        return string.Join('\n', parts);
    }

    private enum LineRole : byte
    {
        New,
        Quoted,
        Signature,
        Forwarded,
    }
}
