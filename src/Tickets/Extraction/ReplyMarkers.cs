namespace MailTicketing.Tickets.Extraction;

// Recognises the lines mail clients write around quoted and forwarded text. Every test runs on
// a "key": the line folded (full-width colons become ':'), "&nbsp;" and NBSP made spaces, trimmed.
internal static class ReplyMarkers
{
    private static readonly string[] ForwardCores =
        ["forwarded message", "forwarded", "转发的邮件", "转发邮件", "已转发邮件", "轉寄的郵件", "轉寄郵件", "转发的消息"];

    private static readonly string[] OriginalCores =
        ["original message", "original", "原始邮件", "邮件原件", "原邮件", "回复的原邮件", "原始郵件", "原始信件", "reply message"];

    private static readonly string[] ForwardIntros =
        ["begin forwarded message:", "开始转发的邮件:", "以下是转发的邮件:", "下面是转发的邮件:", "轉寄的郵件開始:"];

    private static readonly string[] FromKeys = ["from", "发件人", "寄件者", "寄件人"];
    private static readonly string[] DateKeys = ["sent", "date", "发送时间", "时间", "日期", "寄件日期", "发送日期"];
    private static readonly string[] SubjectKeys = ["subject", "主题", "主旨", "标题"];

    private static readonly string[] MobileSignatures =
    [
        "sent from my ", "sent from ", "sent via ", "sent with ", "get outlook for ", "从 windows 版邮件发送",
    ];

    // "来自"/"发自" ("from") open ordinary sentences too; as a signature they name a device or app.
    private static readonly string[] ChineseSignatureOpenings = ["发自", "来自", "从我的", "從我的", "寄自", "发送自"];
    private static readonly string[] ChineseSignatureWords = ["邮箱", "郵箱", "手机", "手機", "客户端", "华为", "小米", "荣耀", "平板"];

    private static readonly string[] ForwardSubjects = ["fw:", "fwd:", "fw :", "fwd :", "转发:", "轉寄:", "转寄:"];

    public static string Key(string line)
    {
        string folded = TextFolding.Fold(line);
        if (folded.Contains("&nbsp;", StringComparison.OrdinalIgnoreCase))
        {
            folded = folded.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        }

        return folded.Trim();
    }

    public static bool IsQuoted(string key) => key.StartsWith('>');

    public static bool IsSignatureDelimiter(string line) => line.TrimEnd() == "--";

    public static bool IsForwardSubject(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return false;
        }

        var key = Key(subject).AsSpan();
        if (key.StartsWith('[') && key.IndexOf(']') is int close and > 0)
        {
            key = key[(close + 1)..].TrimStart();
        }

        foreach (string prefix in ForwardSubjects)
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "---------- Forwarded message ---------", "Begin forwarded message:", "-------- 转发邮件 --------".
    public static bool IsForwardMarker(string key)
    {
        foreach (string intro in ForwardIntros)
        {
            if (key.StartsWith(intro, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return IsDashedBanner(key, ForwardCores);
    }

    // "-----Original Message-----", "-----原始邮件-----", QQ's "------------------ 原始邮件 ------------------".
    public static bool IsOriginalMessageBanner(string key) => IsDashedBanner(key, OriginalCores);

    // A rule Outlook draws above its header block: "________________________________".
    public static bool IsRule(string key) => key.Length >= 5 && key.AsSpan().IndexOfAnyExcept("_-=") < 0;

    // Outlook and Foxmail/QQ header blocks: "From:" then, within a few lines, a date and a subject.
    public static bool IsHeaderBlock(string[] keys, int index)
    {
        if (!HasField(keys[index], FromKeys))
        {
            return false;
        }

        bool date = false;
        bool subject = false;
        for (int k = index + 1; k < keys.Length && k <= index + 8; k++)
        {
            date |= HasField(keys[k], DateKeys);
            subject |= HasField(keys[k], SubjectKeys);
        }

        return date && subject;
    }

    // "On Mon, 18 Mar 2024 at 21:04, Support <support@…> wrote:" (Gmail wraps it over two or three
    // lines), "At 2024-03-18 21:04:05, "Support" <…> wrote:" (163), "在 2024年3月18日 … 写道：",
    // "Support <…> 于2024年3月18日周一 21:04写道：". Returns the number of lines, or 0.
    public static int AttributionLength(string[] keys, int index)
    {
        string key = keys[index];
        if (key.Length > 300)
        {
            return 0;
        }

        if (EndsWithWrote(key))
        {
            bool english = key.EndsWith("wrote:", StringComparison.OrdinalIgnoreCase);
            bool introduced = key.StartsWith("On ", StringComparison.Ordinal) || key.StartsWith("At ", StringComparison.Ordinal)
                || key.StartsWith('在') || key.Contains('@') || key.Contains('<');
            return english ? (introduced ? 1 : 0) : (introduced || key.Contains('于') || key.Contains('於') || ContainsDigit(key) ? 1 : 0);
        }

        if (key.StartsWith("On ", StringComparison.Ordinal) || key.StartsWith("At ", StringComparison.Ordinal) || key.StartsWith('在'))
        {
            for (int k = index + 1; k < keys.Length && k <= index + 2; k++)
            {
                if (keys[k].Length == 0 || keys[k].Length > 300)
                {
                    return 0;
                }

                if (EndsWithWrote(keys[k]))
                {
                    return k - index + 1;
                }
            }
        }

        return 0;
    }

    public static bool IsMobileSignature(string key)
    {
        if (key.Length == 0 || key.Length > 60)
        {
            return false;
        }

        foreach (string start in MobileSignatures)
        {
            if (key.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (key.Length > 30)
        {
            return false;
        }

        foreach (string start in ChineseSignatureOpenings)
        {
            if (key.StartsWith(start, StringComparison.Ordinal))
            {
                var rest = key.AsSpan(start.Length).TrimStart();
                if (rest.StartsWith("我的", StringComparison.Ordinal))
                {
                    rest = rest[2..].TrimStart();
                }

                if (!rest.IsEmpty && char.IsAsciiLetter(rest[0]))
                {
                    return true;
                }

                foreach (string word in ChineseSignatureWords)
                {
                    if (rest.Contains(word, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool EndsWithWrote(string key) =>
        key.EndsWith("wrote:", StringComparison.OrdinalIgnoreCase) || key.EndsWith("写道:", StringComparison.Ordinal)
        || key.EndsWith("寫道:", StringComparison.Ordinal);

    private static bool ContainsDigit(string key) => key.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    private static bool IsDashedBanner(string key, string[] cores)
    {
        if (!key.StartsWith("--", StringComparison.Ordinal) && !key.StartsWith("==", StringComparison.Ordinal))
        {
            return false;
        }

        var core = key.AsSpan().Trim("-= \t");
        foreach (string candidate in cores)
        {
            if (core.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasField(string key, string[] names)
    {
        var line = key.AsSpan().TrimStart("*> ");
        foreach (string name in names)
        {
            if (line.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                var rest = line[name.Length..].TrimStart("* ");
                if (rest.StartsWith(':'))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
