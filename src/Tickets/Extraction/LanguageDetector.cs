namespace MailTicketing.Tickets.Extraction;

// Chinese when Han characters make up at least a third of the "words" (one Han character
// counting as one, an English word as one). Latin tokens with digits are identifiers (TRC20,
// hashes, order ids) and do not count, so a Chinese mail full of hashes stays Chinese and an
// English mail signed "林晓" stays English.
internal static class LanguageDetector
{
    public static TextLanguage Detect(string subject, string text)
    {
        int han = 0;
        int words = 0;
        Count(subject, ref han, ref words);
        Count(text, ref han, ref words);
        return han > 0 && han * 2 >= words ? TextLanguage.Chinese : TextLanguage.English;
    }

    private static void Count(string text, ref int han, ref int words)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (Chars.IsHan(c))
            {
                han++;
                i++;
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                int start = i;
                bool digit = false;
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    digit |= char.IsAsciiDigit(text[i]);
                    i++;
                }

                if (!digit && i - start >= 2)
                {
                    words++;
                }
            }
            else
            {
                i++;
            }
        }
    }
}
