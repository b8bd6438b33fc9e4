namespace MailTicketing.Imap.Protocol;

/// <summary>Collects what SELECT/EXAMINE report in untagged responses (RFC 3501 §6.3.1).</summary>
internal sealed class ImapSelectResponses
{
    private uint? _uidValidity;
    private uint? _uidNext;
    private uint? _exists;
    private bool _readOnly;
    private IReadOnlyList<string> _flags = [];
    private IReadOnlyList<string> _permanentFlags = [];

    public void Add(ImapUntagged response)
    {
        if (response.Is("EXISTS"))
        {
            _exists = response.Number;
        }
        else if (response.Is("FLAGS") && response.Values.Count > 0)
        {
            _flags = Atoms(response.Values[0]);
        }
        else if (response.Code is { } code)
        {
            var argument = code.Arguments.Count > 0 ? code.Arguments[0] : default;
            switch (code.Name)
            {
                case "UIDVALIDITY" when argument.TryGetNumber(out var validity):
                    _uidValidity = validity;
                    break;
                case "UIDNEXT" when argument.TryGetNumber(out var next):
                    _uidNext = next;
                    break;
                case "PERMANENTFLAGS":
                    _permanentFlags = Atoms(argument);
                    break;
                case "READ-ONLY":
                    _readOnly = true;
                    break;
            }
        }
    }

    public ImapMailboxInfo ToInfo(string name, bool readOnly, uint exists)
    {
        // RFC 3501 §6.3.1 requires UIDVALIDITY; without it UIDs cannot be trusted across sessions.
        if (_uidValidity is not { } validity)
        {
            throw new ImapProtocolException($"the server selected {name} without reporting its UIDVALIDITY");
        }

        return new ImapMailboxInfo
        {
            Name = name,
            UidValidity = new ImapUidValidity(validity),
            UidNext = _uidNext is > 0 and var next ? new ImapUid(next) : null,
            Exists = _exists ?? exists,
            Flags = _flags,
            PermanentFlags = _permanentFlags,
            IsReadOnly = readOnly || _readOnly,
        };
    }

    private static IReadOnlyList<string> Atoms(ImapValue list) =>
        [.. list.List.Select(v => v.AsString()).OfType<string>()];
}
