"""Writes the curated golden messages in golden/. Run once by hand; the .eml files are committed.

Each message is built byte by byte (not with a MIME library) so that it carries exactly the
encodings and damage it is meant to test. The expected results live beside each message in a
hand-written .expected.json; this script does not write those.
"""
import base64
import pathlib
import quopri

OUT = pathlib.Path(__file__).parent / "golden"


def b_word(text, charset):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(charset)).decode())


def write(name, parts):
    data = b"".join(p if isinstance(p, bytes) else p.encode("ascii") for p in parts)
    (OUT / name).write_bytes(data)


CRLF = "\r\n"

# 1. GBK everywhere: subject, display name, body (base64), with a UID and a TxID.
body = "您好，\r\n我的UID是 88123456，提现到账失败。\r\n交易哈希：0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060\r\n谢谢！\r\n"
write("gbk-withdrawal.eml", [
    "From: ", b_word("张伟", "gbk"), " <zhang.wei@example.cn>", CRLF,
    "To: support@exchange.example", CRLF,
    "Subject: ", b_word("提现未到账，请帮忙查询", "gbk"), CRLF,
    "Date: Mon, 4 Mar 2024 10:15:00 +0800", CRLF,
    "Message-ID: <gbk-001@mail.example.cn>", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: text/plain; charset=\"gbk\"", CRLF,
    "Content-Transfer-Encoding: base64", CRLF, CRLF,
    base64.encodebytes(body.encode("gbk")).decode().replace("\n", CRLF),
])

# 2. GB18030 with a four-byte character (U+20000) and an emoji, quoted-printable.
body = "订单号：202403040001\r\n罕见字：\U00020000 表情：\U0001F600\r\n"
write("gb18030-four-byte.eml", [
    "From: =?gb18030?B?", base64.b64encode("李娜".encode("gb18030")).decode(), "?= <li.na@example.cn>", CRLF,
    "To: support@exchange.example", CRLF,
    "Subject: ", b_word("订单查询 \U00020000", "gb18030"), CRLF,
    "Date: 4 Mar 2024 11:00:00 +0800", CRLF,
    "Message-ID: <gb18030-002@mail.example.cn>", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: text/plain; charset=GB18030", CRLF,
    "Content-Transfer-Encoding: quoted-printable", CRLF, CRLF,
    quopri.encodestring(body.encode("gb18030")).decode(),
])

# 3. Big5 (traditional Chinese) reply with a multi-byte character split across two encoded words.
subject_bytes = "回覆：帳戶被盜".encode("big5")
first, second = subject_bytes[:5], subject_bytes[5:]  # 5 bytes: splits the third character
body = "您好，我的帳戶昨晚出現異常登錄。\r\n"
write("big5-split-word.eml", [
    "From: =?big5?B?", base64.b64encode("陳大文".encode("big5")).decode(), "?= <chan@example.hk>", CRLF,
    "To: security@exchange.example", CRLF,
    "Subject: =?big5?B?", base64.b64encode(first).decode(), "?=", CRLF,
    " =?big5?B?", base64.b64encode(second).decode(), "?=", CRLF,
    "Date: Tue, 05 Mar 2024 09:00:00 +0800", CRLF,
    "Message-ID: <big5-003@mail.example.hk>", CRLF,
    "In-Reply-To: <ack-1@exchange.example>", CRLF,
    "References: <orig-1@mail.example.hk> <ack-1@exchange.example>", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: text/plain; charset=big5", CRLF,
    "Content-Transfer-Encoding: 8bit", CRLF, CRLF,
], )
(OUT / "big5-split-word.eml").write_bytes((OUT / "big5-split-word.eml").read_bytes() + body.encode("big5"))

# 4. Labelled gb2312 but containing GBK-only characters (镕, 喆): must decode, not garble.
text = "朱镕基 与 张喆 的账户问题\r\n"
write("gb2312-label-gbk-content.eml", [
    "From: ops@example.cn", CRLF,
    "To: support@exchange.example", CRLF,
    "Subject: =?gb2312?B?", base64.b64encode("账户问题 镕".encode("gbk")).decode(), "?=", CRLF,
    "Date: Wed, 6 Mar 2024 08:00:00 +0800", CRLF,
    "Message-ID: <gb2312-004@example.cn>", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: text/plain; charset=gb2312", CRLF,
    "Content-Transfer-Encoding: base64", CRLF, CRLF,
    base64.encodebytes(text.encode("gbk")).decode().replace("\n", CRLF),
])

# 5. HTML only, UTF-8, with a link, a table, line breaks and an entity.
html = ("<html><head><title>ignored</title><style>p{color:red}</style></head><body>"
        "<p>Hello&nbsp;team,</p><p>My deposit has not arrived.<br>UID: 10293847</p>"
        "<table><tr><td>TxID</td><td>7f3a9c2e5b1d4f6a8c0e2b4d6f8a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a</td></tr></table>"
        "<p>See <a href=\"https://explorer.example/tx/abc\">the explorer</a> &amp; advise.</p></body></html>")
write("html-only.eml", [
    "From: \"Doe, John\" <john.doe@example.com>", CRLF,
    "To: Support <support@exchange.example>", CRLF,
    "Subject: Deposit not credited", CRLF,
    "Date: Thu, 07 Mar 2024 14:30:00 -0500", CRLF,
    "Message-ID: <html-005@example.com>", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: text/html; charset=utf-8", CRLF,
    "Content-Transfer-Encoding: quoted-printable", CRLF, CRLF,
    quopri.encodestring(html.encode("utf-8")).decode(),
])

# 6. Forwarded mail: message/rfc822 carrying its own multipart with an attachment.
inner = "".join([
    "From: Phisher <noreply@evil.example>", CRLF,
    "To: victim@example.com", CRLF,
    "Subject: Verify your wallet", CRLF,
    "Date: Fri, 08 Mar 2024 01:02:03 +0000", CRLF,
    "Message-ID: <inner-006@evil.example>", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: multipart/mixed; boundary=\"inner\"", CRLF, CRLF,
    "--inner", CRLF,
    "Content-Type: text/plain; charset=us-ascii", CRLF, CRLF,
    "Click here to verify your seed phrase.", CRLF,
    "--inner", CRLF,
    "Content-Type: application/pdf; name=\"invoice.pdf\"", CRLF,
    "Content-Disposition: attachment; filename=\"invoice.pdf\"", CRLF,
    "Content-Transfer-Encoding: base64", CRLF, CRLF,
    base64.encodebytes(bytes(range(256)) * 4).decode().replace("\n", CRLF),
    "--inner--", CRLF,
])
write("forwarded.eml", [
    "From: Alice <alice@example.com>", CRLF,
    "To: security@exchange.example", CRLF,
    "Subject: Fwd: Verify your wallet", CRLF,
    "Date: Fri, 08 Mar 2024 09:00:00 +0000", CRLF,
    "Message-ID: <fwd-006@example.com>", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: multipart/mixed; boundary=\"outer\"", CRLF, CRLF,
    "This is a multi-part message in MIME format.", CRLF,
    "--outer", CRLF,
    "Content-Type: text/plain; charset=utf-8", CRLF, CRLF,
    "Is this really from you? Forwarding the phishing mail.", CRLF,
    "--outer", CRLF,
    "Content-Type: message/rfc822", CRLF,
    "Content-Disposition: attachment", CRLF, CRLF,
    inner,
    "--outer--", CRLF,
])

# 7. A standard bounce (RFC 3464) for one of our acknowledgements.
write("bounce-dsn.eml", [
    "Return-Path: <>", CRLF,
    "From: MAILER-DAEMON@mx.exchange.example (Mail Delivery System)", CRLF,
    "To: support@exchange.example", CRLF,
    "Subject: Undelivered Mail Returned to Sender", CRLF,
    "Date: Sat, 9 Mar 2024 10:00:00 +0000 (UTC)", CRLF,
    "Message-ID: <bounce-007@mx.exchange.example>", CRLF,
    "Auto-Submitted: auto-replied", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"rpt\"", CRLF, CRLF,
    "--rpt", CRLF,
    "Content-Description: Notification", CRLF,
    "Content-Type: text/plain; charset=us-ascii", CRLF, CRLF,
    "I'm sorry to have to inform you that your message could not", CRLF,
    "be delivered to one or more recipients.", CRLF, CRLF,
    "--rpt", CRLF,
    "Content-Description: Delivery report", CRLF,
    "Content-Type: message/delivery-status", CRLF, CRLF,
    "Reporting-MTA: dns; mx.exchange.example", CRLF,
    "Arrival-Date: Sat,  9 Mar 2024 09:59:58 +0000 (UTC)", CRLF, CRLF,
    "Final-Recipient: rfc822; nobody@customer.example", CRLF,
    "Original-Recipient: rfc822;nobody@customer.example", CRLF,
    "Action: failed", CRLF,
    "Status: 5.1.1", CRLF,
    "Remote-MTA: dns; mx.customer.example", CRLF,
    "Diagnostic-Code: smtp; 550 5.1.1 <nobody@customer.example>: Recipient address", CRLF,
    "    rejected: User unknown", CRLF, CRLF,
    "--rpt", CRLF,
    "Content-Description: Undelivered Message Headers", CRLF,
    "Content-Type: text/rfc822-headers", CRLF, CRLF,
    "From: support@exchange.example", CRLF,
    "To: nobody@customer.example", CRLF,
    "Subject: [Ticket#SUP-000123] We received your request", CRLF,
    "Message-ID: <ack-000123@exchange.example>", CRLF, CRLF,
    "--rpt--", CRLF,
])

# 8. Chinese out-of-office reply (自动回复).
write("auto-reply-zh.eml", [
    "From: =?utf-8?B?", base64.b64encode("王芳".encode()).decode(), "?= <wang.fang@example.cn>", CRLF,
    "To: support@exchange.example", CRLF,
    "Subject: =?utf-8?B?", base64.b64encode("自动回复: [Ticket#SUP-000124] 我们已收到您的请求".encode()).decode(), "?=", CRLF,
    "Date: Sun, 10 Mar 2024 12:00:00 +0800", CRLF,
    "Message-ID: <ooo-008@example.cn>", CRLF,
    "Auto-Submitted: auto-replied", CRLF,
    "X-Auto-Response-Suppress: All", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: text/plain; charset=utf-8", CRLF,
    "Content-Transfer-Encoding: base64", CRLF, CRLF,
    base64.encodebytes("我正在休假，3月15日返回。\r\n".encode()).decode().replace("\n", CRLF),
])

# 9. Damaged: header wrapped without whitespace, unknown charset, bad base64 padding, no closing boundary.
write("malformed.eml", [
    "From: broken@example.com", CRLF,
    "To: support@exchange.example", CRLF,
    "Subject: damaged message", CRLF,
    "Date: Mon, 11 Mar 2024 07:00:00 +0000", CRLF,
    "Message-ID: <malformed-009@example.com>", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: multipart/mixed; boundary=\"b1\"", CRLF, CRLF,
    "--b1", CRLF,
    "Content-Type: text/plain; charset=x-no-such-charset", CRLF, CRLF,
    "Plain ASCII text in an unknown charset.", CRLF,
    "--b1", CRLF,
    "Content-Type: application/octet-stream;", CRLF,
    "name=\"data.bin\"", CRLF,
    "Content-Disposition: attachment; filename=\"data.bin\"", CRLF,
    "Content-Transfer-Encoding: base64", CRLF, CRLF,
    "AAECAwQFBgcICQ", CRLF,  # 10 bytes of data, no padding
])

# 10. RFC 2231: continuations with a UTF-8 Chinese name, an Outlook-style encoded word name,
#     and an unquoted name with spaces.
name_231 = "交易截图-2024年3月12日-充值未到账.png".encode("utf-8")
pct = "".join("%%%02X" % b if not (b < 128 and (chr(b).isalnum() or chr(b) in "-.")) else chr(b) for b in name_231)
half = len(pct) // 2
while pct[half - 1] == "%" or pct[half - 2] == "%":  # never cut inside a %XX escape
    half += 1
png = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(200)).decode().replace("\n", CRLF)
write("rfc2231-names.eml", [
    "From: Customer <customer@example.com>", CRLF,
    "To: support@exchange.example", CRLF,
    "Subject: screenshots", CRLF,
    "Date: Tue, 12 Mar 2024 16:00:00 +0000", CRLF,
    "Message-ID: <rfc2231-010@example.com>", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: multipart/mixed; boundary=\"x\"", CRLF, CRLF,
    "--x", CRLF,
    "Content-Type: text/plain", CRLF, CRLF,
    "See attached.", CRLF,
    "--x", CRLF,
    "Content-Type: image/png", CRLF,
    "Content-Disposition: attachment;", CRLF,
    " filename*1*=", pct[half:], ";", CRLF,
    " filename*0*=utf-8''", pct[:half], CRLF,
    "Content-Transfer-Encoding: base64", CRLF, CRLF,
    png,
    "--x", CRLF,
    "Content-Type: application/pdf; name=\"", b_word("账单.pdf", "utf-8"), "\"", CRLF,
    "Content-Disposition: attachment; filename=\"", b_word("账单.pdf", "utf-8"), "\"", CRLF,
    "Content-Transfer-Encoding: base64", CRLF, CRLF,
    base64.encodebytes(b"%PDF-1.4\n" + bytes(100)).decode().replace("\n", CRLF),
    "--x", CRLF,
    "Content-Type: text/csv; name=My Orders March.csv", CRLF,
    "Content-Disposition: attachment; filename=My Orders March.csv", CRLF, CRLF,
    "order,amount", CRLF, "A1,10", CRLF,
    "--x--", CRLF,
])

# 11. A uuencoded file inside a plain text body (old mailers).
payload = b"hello uuencode\n" * 3
uu_lines = ["begin 644 note.txt"]
for i in range(0, len(payload), 45):
    import binascii
    uu_lines.append(binascii.b2a_uu(payload[i:i + 45]).decode().rstrip("\n"))
uu_lines += ["`", "end"]
write("uuencode-in-text.eml", [
    "From: old@example.org", CRLF,
    "To: support@exchange.example", CRLF,
    "Subject: log file", CRLF,
    "Date: Wed, 13 Mar 2024 05:00:00 +0000", CRLF,
    "Message-ID: <uu-011@example.org>", CRLF, CRLF,
    "Here is the log:", CRLF, CRLF,
    CRLF.join(uu_lines), CRLF, CRLF,
    "Thanks", CRLF,
])

# 12. Raw 8-bit headers: a UTF-8 subject, and a GBK display name with the body declaring gbk.
raw = b"".join([
    b"From: ", "赵敏".encode("gbk"), b" <zhao.min@example.cn>\r\n",
    b"To: support@exchange.example\r\n",
    b"Subject: ", "充值未到账 UID 5566778".encode("gbk"), b"\r\n",
    b"Date: Thu, 14 Mar 2024 20:00:00 +0800\r\n",
    b"Message-ID: <raw8-012@example.cn>\r\n",
    b"MIME-Version: 1.0\r\n",
    b"Content-Type: text/plain; charset=gbk\r\n",
    b"Content-Transfer-Encoding: 8bit\r\n\r\n",
    "充值未到账，请处理。\r\n".encode("gbk"),
])
(OUT / "raw-8bit-headers.eml").write_bytes(raw)

# 13. multipart/alternative with related inline image; Apple-style split text around an image.
write("alternative-related.eml", [
    "From: Bob <bob@example.com>", CRLF,
    "To: support@exchange.example", CRLF,
    "Subject: =?UTF-8?Q?Withdrawal_pending_=E2=80=93_order_88?=", CRLF,
    "Date: Fri, 15 Mar 2024 18:45:00 +0100", CRLF,
    "Message-ID: <alt-013@example.com>", CRLF,
    "MIME-Version: 1.0", CRLF,
    "Content-Type: multipart/alternative; boundary=\"alt\"", CRLF, CRLF,
    "--alt", CRLF,
    "Content-Type: text/plain; charset=UTF-8; format=flowed", CRLF,
    "Content-Transfer-Encoding: 7bit", CRLF, CRLF,
    "My withdrawal has been pending for two days. Order ", CRLF,
    "number 88. Screenshot below.", CRLF,
    "--alt", CRLF,
    "Content-Type: multipart/related; boundary=\"rel\"", CRLF, CRLF,
    "--rel", CRLF,
    "Content-Type: text/html; charset=UTF-8", CRLF, CRLF,
    "<p>My withdrawal has been pending for two days. Order number 88.</p><img src=\"cid:shot@bob\">", CRLF,
    "--rel", CRLF,
    "Content-Type: image/jpeg", CRLF,
    "Content-ID: <shot@bob>", CRLF,
    "Content-Disposition: inline; filename=shot.jpg", CRLF,
    "Content-Transfer-Encoding: base64", CRLF, CRLF,
    base64.encodebytes(b"\xff\xd8\xff\xe0" + bytes(96)).decode().replace("\n", CRLF),
    "--rel--", CRLF,
    "--alt--", CRLF,
])

# 14. LF-only line endings and an mbox "From " line in front.
write("lf-mbox-line.eml", [
    "From customer@example.com Sat Mar 16 10:00:00 2024\n",
    "From: customer@example.com\n",
    "To: compliance@exchange.example\n",
    "Subject: KYC documents\n",
    "Date: Sat, 16 Mar 2024 10:00:00 +0000\n",
    "Message-ID: <lf-014@example.com>\n",
    "\n",
    "Please find my KYC documents.\n",
])
print("written", len(list(OUT.glob("*.eml"))))
