namespace MailTicketing.Mime;

/// <summary>Reads RFC 5322 dates in the forms real clients send (obsolete zones, missing parts, odd orders).</summary>
public static class DateParser
{
    public static bool TryParse(string? value, out DateTimeOffset date) => throw new NotImplementedException();
}
