using MailTicketing.Mime.Encodings;

namespace MailTicketing.Mime.Tests.Encodings;

public class ContentDecodersTests
{
    [Theory]
    [InlineData("7bit", ContentEncoding.SevenBit)]
    [InlineData(" 7-BIT ", ContentEncoding.SevenBit)]
    [InlineData("8bit", ContentEncoding.EightBit)]
    [InlineData("8-bit", ContentEncoding.EightBit)]
    [InlineData("\"8bit\"", ContentEncoding.EightBit)]
    [InlineData("binary", ContentEncoding.Binary)]
    [InlineData("Base64", ContentEncoding.Base64)]
    [InlineData("\tBASE64\r\n", ContentEncoding.Base64)]
    [InlineData("base64 (because)", ContentEncoding.Base64)]
    [InlineData("'base64'", ContentEncoding.Base64)]
    [InlineData("quoted-printable", ContentEncoding.QuotedPrintable)]
    [InlineData("Quoted_Printable", ContentEncoding.QuotedPrintable)]
    [InlineData("quoted-printable; charset=utf-8", ContentEncoding.QuotedPrintable)]
    [InlineData("x-uuencode", ContentEncoding.UUEncode)]
    [InlineData("x-uue", ContentEncoding.UUEncode)]
    [InlineData("uuencode", ContentEncoding.UUEncode)]
    [InlineData("UUE", ContentEncoding.UUEncode)]
    [InlineData("", ContentEncoding.Default)]
    [InlineData("   ", ContentEncoding.Default)]
    [InlineData("x-gzip", ContentEncoding.Default)]
    [InlineData("base6", ContentEncoding.Default)]
    [InlineData("quoted-printable-quoted-printable-quoted", ContentEncoding.Default)]
    [InlineData(null, ContentEncoding.Default)]
    public void Transfer_encoding_values_are_parsed_tolerantly(string? value, ContentEncoding expected)
    {
        Assert.Equal(expected, ContentDecoders.ParseEncoding(value));
    }

    [Theory]
    [InlineData(ContentEncoding.Default)]
    [InlineData(ContentEncoding.SevenBit)]
    [InlineData(ContentEncoding.EightBit)]
    [InlineData(ContentEncoding.Binary)]
    public void Identity_encodings_have_no_decoder(ContentEncoding encoding)
    {
        Assert.Null(ContentDecoders.Create(encoding));
    }

    [Theory]
    [InlineData(ContentEncoding.Base64, typeof(Base64Decoder))]
    [InlineData(ContentEncoding.QuotedPrintable, typeof(QuotedPrintableDecoder))]
    [InlineData(ContentEncoding.UUEncode, typeof(UUDecoder))]
    public void Encoded_content_gets_a_fresh_decoder(ContentEncoding encoding, Type expected)
    {
        var first = ContentDecoders.Create(encoding);
        Assert.IsType(expected, first);
        Assert.NotSame(first, ContentDecoders.Create(encoding));
    }
}
