namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>
/// MimeKit's tnef/ folder holds raw winmail.dat blobs (*.tnef) with the file names inside each
/// (*.list). We do not decode TNEF; what we owe is the winmail.dat attachment of the two mails
/// that carry one, byte for byte. rich-text.eml carries christmas.tnef.
/// </summary>
public sealed class TnefCarrierTests
{
    private const string Folder = "mimekit/UnitTests/TestData/tnef";

    [CorpusFact]
    public void Winmail_dat_attachment_is_byte_identical_to_the_tnef_blob()
    {
        CorpusFiles.Require();
        using var message = MimeMessage.Load(CorpusFiles.Path($"{Folder}/rich-text.eml"));

        var tnef = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("application/ms-tnef", tnef.ContentType.MimeType);
        Assert.Equal("winmail.dat", tnef.FileName);
        Assert.Equal(File.ReadAllBytes(CorpusFiles.Path($"{Folder}/christmas.tnef")), tnef.Content.ToArray());
        Assert.False(string.IsNullOrWhiteSpace(message.TextBody));
    }

    [CorpusFact]
    public void Winmail_dat_attachment_starts_with_the_tnef_signature()
    {
        CorpusFiles.Require();
        using var message = MimeMessage.Load(CorpusFiles.Path($"{Folder}/ukr.eml"));

        var tnef = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("winmail.dat", tnef.FileName);
        Assert.Equal(9566, tnef.Content.Length);
        Assert.Equal(new byte[] { 0x78, 0x9F, 0x3E, 0x22 }, tnef.Content.ToArray()[..4]);
    }
}
