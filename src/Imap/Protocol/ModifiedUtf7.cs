using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace MailTicketing.Imap.Protocol;

/// <summary>
/// Mailbox names in modified UTF-7 (RFC 3501 §5.1.3): printable ASCII stands for itself
/// except "&amp;" (written "&amp;-"); any other run of characters is "&amp;", its UTF-16BE
/// bytes in base64 with "," for "/" and no padding, then "-".
/// </summary>
internal static class ModifiedUtf7
{
    public static string Encode(string name)
    {
        var output = new StringBuilder(name.Length + 8);
        var i = 0;
        while (i < name.Length)
        {
            var c = name[i];
            if (c is >= ' ' and <= '~')
            {
                output.Append(c == '&' ? "&-" : c);
                i++;
                continue;
            }

            var start = i;
            while (i < name.Length && name[i] is < ' ' or > '~')
            {
                i++;
            }

            var bytes = Encoding.BigEndianUnicode.GetBytes(name, start, i - start);
            output.Append('&').Append(Convert.ToBase64String(bytes).TrimEnd('=').Replace('/', ',')).Append('-');
        }

        return output.ToString();
    }

    /// <summary>Decodes a name; a malformed one (not valid modified UTF-7) is returned as it came.</summary>
    public static string Decode(string encoded) => TryDecode(encoded, out var name) ? name : encoded;

    public static bool TryDecode(string encoded, [NotNullWhen(true)] out string? name)
    {
        name = null;
        var output = new StringBuilder(encoded.Length);
        var i = 0;
        while (i < encoded.Length)
        {
            var c = encoded[i];
            if (c != '&')
            {
                if (c is < ' ' or > '~')
                {
                    return false;
                }

                output.Append(c);
                i++;
                continue;
            }

            var end = encoded.IndexOf('-', i + 1);
            if (end < 0)
            {
                return false;
            }

            if (end == i + 1)
            {
                output.Append('&');
                i = end + 1;
                continue;
            }

            // Plain base64 "/" is not allowed here: modified UTF-7 writes ",".
            if (encoded.AsSpan(i + 1, end - i - 1).Contains('/'))
            {
                return false;
            }

            var base64 = encoded[(i + 1)..end].Replace(',', '/');

            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                return false;
            }

            if (bytes.Length % 2 != 0)
            {
                return false;
            }

            output.Append(Encoding.BigEndianUnicode.GetString(bytes));
            i = end + 1;
        }

        name = output.ToString();
        return true;
    }
}
