namespace MailTicketing.Mime.Parsing;

/// <summary>Receives a part's body bytes, in order, as the parser reads them.</summary>
internal interface IContentSink
{
    void Write(ReadOnlySpan<byte> data);
}
