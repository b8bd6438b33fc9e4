using System.Text;

namespace MailTicketing.Mime.Text;

/// <summary>
/// How plausible each BMP character is in real mail, for <see cref="CharsetGuesser"/>.
/// Decoding with the wrong CJK charset usually still "succeeds", but yields rare ideographs,
/// private-use characters and symbols; the right one yields frequent characters.
/// </summary>
internal static class CharWeights
{
    private const sbyte Frequent = 3;
    private const sbyte Common = 2;
    private const sbyte Uncommon = 1;

    // The most frequent Chinese characters (simplified, then traditional forms that differ).
    private const string TopHanzi =
        "的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴照整按医举买您谢账户号码订单交易提币充值冻结客服邮件回复附件图片截诊询登录密码验证审核问题处理尽快帮助联系"
        + "這們為個國說來時會過對後麼還發經與現實點問兩長開見種聽氣門東總場師書員場報馬張難數車應處題將學樣當說軍產體別關並內經覺認號碼訂單帳戶幣凍結審核問題處理盡快幫助聯繫郵圖驗證請謝";

    // The most frequent Hangul syllables.
    private const string TopHangul =
        "이다는의에가을하고지기서로한사도대자리수나어들게시인그일아해있보전부정적만것요제주우국비무라모여상내면장중거소결계니미개저과를은께님합습세안녕십까드립문확감회원번호좌입금출송액처으와했었겠생각때년월말더또잘학교경신성동용연구실공화발위명분선식영오조진체치통파평현형활후됩된되될못없않같알르음쓰";

    public static sbyte[] Table { get; } = Build();

    private static sbyte[] Build()
    {
        var table = new sbyte[0x10000];
        Fill(table, 0x00, 0x1F, -4);
        table['\t'] = table['\r'] = table['\n'] = 0;
        table[0x7F] = -4;
        Fill(table, 0x80, 0x9F, -8);
        // Latin-1 letters (0xC0-0xFF) stay 0 here: CharsetGuesser scores them by their neighbours.
        Fill(table, 0x0410, 0x044F, Uncommon);
        Fill(table, 0x2010, 0x2027, Uncommon);
        table[0x20AC] = table[0x2122] = Uncommon;
        Fill(table, 0x2500, 0x257F, -1);
        Fill(table, 0x3000, 0x303F, Common);
        Fill(table, 0x3041, 0x3096, Common);
        Fill(table, 0x30A1, 0x30FC, Common);
        // Rare ideographs are neutral: names use them (镕, 喆), and mis-decodes lose anyway
        // on the private-use characters, symbols and errors that come with them.
        Fill(table, 0x3400, 0x4DBF, -1);
        Fill(table, 0xAC00, 0xD7A3, -1);
        Fill(table, 0xD800, 0xDFFF, -2);
        Fill(table, 0xE000, 0xF8FF, -8);
        Fill(table, 0xF900, 0xFAFF, -2);
        Fill(table, 0xFF01, 0xFF5E, Common);
        Fill(table, 0xFF61, 0xFF9F, -1);
        table[0xFFFD] = -20;

        // GB2312 level 1 (rows 0xB0-0xD7) holds the 3,755 common hanzi, level 2 the rest;
        // Big5 0xA440-0xC67E holds the frequent traditional characters, 0xC940-0xF9D5 the others.
        // JIS X 0208 level 1 (Shift_JIS 0x889F-0x9872) holds the common kanji, including
        // Japanese forms such as 駅 that neither GB2312 nor Big5 has. KS X 1001 (EUC-KR
        // 0xB0A1-0xC8FE) holds the 2,350 Hangul syllables in everyday use; the other 8,822
        // that cp949 reaches through its extension bytes are what mis-decoded bytes produce.
        var gb = CharsetRegistry.FromCodePage(54936)!.Encoding;
        var big5 = CharsetRegistry.FromCodePage(950)!.Encoding;
        var sjis = CharsetRegistry.FromCodePage(932)!.Encoding;
        var korean = CharsetRegistry.FromCodePage(949)!.Encoding;
        MarkRange(table, gb, 0xB0, 0xD7, 0xA1, 0xFE, 0, Common);
        MarkRange(table, gb, 0xD8, 0xF7, 0xA1, 0xFE, 0, Uncommon);
        MarkRange(table, big5, 0xA4, 0xC6, 0x40, 0x7E, 0xA1, Common);
        MarkRange(table, big5, 0xC9, 0xF9, 0x40, 0x7E, 0xA1, Uncommon);
        MarkRange(table, sjis, 0x88, 0x98, 0x40, 0x7E, 0x80, Common);
        MarkRange(table, korean, 0xB0, 0xC8, 0xA1, 0xFE, 0, Common);
        foreach (var c in TopHanzi)
        {
            table[c] = Frequent;
        }

        foreach (var c in TopHangul)
        {
            table[c] = Frequent;
        }

        return table;
    }

    private static void Fill(sbyte[] table, int first, int last, sbyte weight) =>
        table.AsSpan(first, last - first + 1).Fill(weight);

    // Decodes every lead/trail pair of a block and raises the weight of the ideographs and
    // Hangul syllables in it.
    // Trail bytes run from trailFirst to trailLast and, when secondTrailFirst is set, also
    // from there to 0xFE (Big5 trail bytes come in two ranges).
    private static void MarkRange(sbyte[] table, Encoding encoding, int leadFirst, int leadLast, int trailFirst, int trailLast, int secondTrailFirst, sbyte weight)
    {
        var bytes = new List<byte>();
        for (var lead = leadFirst; lead <= leadLast; lead++)
        {
            for (var trail = trailFirst; trail <= 0xFE; trail++)
            {
                if (trail > trailLast && (secondTrailFirst == 0 || trail < secondTrailFirst))
                {
                    continue;
                }

                bytes.Add((byte)lead);
                bytes.Add((byte)trail);
            }
        }

        foreach (var c in encoding.GetString(bytes.ToArray()))
        {
            if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7A3') && table[c] < weight)
            {
                table[c] = weight;
            }
        }
    }
}
