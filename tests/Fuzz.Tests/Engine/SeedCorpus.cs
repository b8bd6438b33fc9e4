using System.Text;
using MailTicketing.Mime.Tests.Corpus;

namespace MailTicketing.Fuzz.Tests.Engine;

/// <summary>
/// The messages mutations start from: every message file of the shared corpus up to a size
/// (../shared/corpus, found as the MIME tests find it), in a fixed order so a seed means the
/// same inputs everywhere, plus a few support mails written here that carry what extraction
/// and threading look for (UIDs, transaction hashes, a reply).
/// </summary>
internal static class SeedCorpus
{
    public const int MaxSeedSize = 256 * 1024;

    private static readonly Lazy<IReadOnlyList<byte[]>> LoadedMessages = new(Load);

    public static IReadOnlyList<byte[]> Messages => LoadedMessages.Value;

    private static List<byte[]> Load()
    {
        CorpusFiles.Require();
        var messages = new List<byte[]>(Generated());
        foreach (var group in CorpusFiles.Groups)
        {
            foreach (var relative in CorpusFiles.Messages(group))
            {
                var info = new FileInfo(CorpusFiles.Path(relative));
                if (info.Length <= MaxSeedSize)
                {
                    messages.Add(File.ReadAllBytes(info.FullName));
                }
            }
        }

        return messages;
    }

    private static IEnumerable<byte[]> Generated()
    {
        yield return Crlf("""
            From: "Wang, Alice" <alice@customer.example>
            To: support@exchange.example
            Subject: =?UTF-8?B?5a2Y5qy+5pyq5Yiw6LSm?= deposit missing, UID 123456789
            Date: Mon, 18 Mar 2024 09:00:00 +0000
            Message-ID: <seed-1@customer.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            My deposit of 0.5 BTC is missing. TxID 4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b=
             order #A-20240318-7781.
            --inner
            Content-Type: text/html; charset=gb2312

            <p>=C4=E3=BA=C3 <b>deposit</b></p>
            --inner--
            --outer
            Content-Type: application/pdf; name="=?utf-8?Q?statement=5F03.pdf?="
            Content-Disposition: attachment; filename*=utf-8''statement%2003.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==
            --outer
            Content-Type: message/rfc822

            From: bob@customer.example
            Subject: forwarded
            Content-Type: text/plain

            inner text
            --outer--
            """);
        yield return Crlf("""
            From: carol@customer.example
            To: support@exchange.example
            Subject: Re: [SUP-000001] Deposit not credited
            In-Reply-To: <t.abc@exchange.example>
            References: <seed-1@customer.example> <t.abc@exchange.example>
            Auto-Submitted: auto-replied
            Content-Type: text/plain; charset=iso-2022-jp; format=flowed

            > quoted
            I am out of the office.
            """);
        yield return Crlf("""
            From: MAILER-DAEMON@mx.example
            To: support@exchange.example
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; report-type=delivery-status; boundary="r"

            --r
            Content-Type: text/plain

            failed
            --r
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example

            Final-Recipient: rfc822; alice@customer.example
            Action: failed
            Status: 5.1.1
            --r
            Content-Type: text/rfc822-headers

            Message-ID: <t.1.abc@exchange.example>
            --r--
            """);
    }

    private static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n") + "\r\n");
}
