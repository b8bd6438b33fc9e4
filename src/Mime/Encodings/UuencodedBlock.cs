namespace MailTicketing.Mime.Encodings;

/// <summary>
/// A "begin … end" uuencoded file found inside a text body. <paramref name="Start"/> and
/// <paramref name="Length"/> are char offsets in the searched text covering the begin line through
/// the end line and its line break, so the caller can cut the block out of the body.
/// <paramref name="FileName"/> is as written on the begin line: not sanitised.
/// </summary>
public sealed record UuencodedBlock(string FileName, int Mode, int Start, int Length, byte[] Content);
