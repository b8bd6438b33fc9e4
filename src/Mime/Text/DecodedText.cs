namespace MailTicketing.Mime.Text;

/// <summary>Text decoded from bytes, with the charset actually used and why.</summary>
/// <param name="Text">The decoded text.</param>
/// <param name="Charset">The charset that was used (a canonical name such as "gb18030", "utf-8").</param>
/// <param name="Fallback">Why the declared charset was not used as is; <see cref="CharsetFallback.None"/> when it was.</param>
public readonly record struct DecodedText(string Text, string Charset, CharsetFallback Fallback);
