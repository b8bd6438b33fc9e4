"""Writes samples/maildir/{support,security,compliance}: realistic mail for the embedded default.

Run by hand (python3 samples/make_samples.py); the Maildir files are committed. Every person,
address, UID, hash and order number here is invented. Maildir names start with the delivery
time, so the worker reads them in this order.
"""
import base64
import pathlib
import shutil

ROOT = pathlib.Path(__file__).parent / "maildir"
START = 1710720000  # 2024-03-18 00:00:00 UTC
CRLF = "\r\n"
counter = 0


def w(text):
    return "=?UTF-8?B?%s?=" % base64.b64encode(text.encode()).decode()


def b64(data):
    return base64.encodebytes(data).decode().replace("\n", CRLF)


def deliver(mailbox, minutes, headers, body, folder="new"):
    global counter
    counter += 1
    seconds = START + minutes * 60
    received = f"Received: from mx.exchange.example by mail.exchange.example with LMTP; {rfc2822(seconds)}"
    data = (received + CRLF + CRLF.join(headers) + CRLF + CRLF + body).encode("utf-8") if isinstance(body, str) else \
        (received + CRLF + CRLF.join(headers) + CRLF + CRLF).encode("utf-8") + body
    name = f"{seconds}.M{counter:06d}P4242.mail.exchange.example"
    target = ROOT / mailbox / folder / (name + (":2,S" if folder == "cur" else ""))
    target.write_bytes(data)


def rfc2822(seconds):
    import email.utils
    return email.utils.formatdate(seconds, usegmt=False, localtime=False).replace("-0000", "+0000")


def text_part(text):
    return ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64"], b64(text.encode())


for box in ("support", "security", "compliance"):
    shutil.rmtree(ROOT / box, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        (ROOT / box / sub).mkdir(parents=True)
        (ROOT / box / sub / ".keep").write_bytes(b"")

png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478"
                    "9c63f80f0000010100051 8d84e0000000049454e44ae426082".replace(" ", ""))

# --- support@ -------------------------------------------------------------------------------
# 1. Chinese withdrawal complaint with UID, TRC20 TxID, order number and a screenshot.
body_zh = ("您好，\r\n\r\n我在 3 月 18 日从贵平台提现 1,250 USDT（TRC20），到现在还没有到账。\r\n"
           "我的UID是：36925814\r\n交易哈希（TxID）：a3f1c9e2b7d4058e6f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70\r\n"
           "订单号：WD202403180042\r\n\r\n截图见附件，请尽快帮我查询，谢谢！\r\n\r\n-- \r\n林晓\r\n")
deliver("support", 10, [
    "From: " + w("林晓") + " <lin.xiao@example.cn>", "To: support@exchange.example",
    "Subject: " + w("提现未到账 - USDT TRC20"), "Date: Mon, 18 Mar 2024 08:10:00 +0800",
    "Message-ID: <20240318081000.4f2a@mail.example.cn>", "MIME-Version: 1.0",
    "Content-Type: multipart/mixed; boundary=\"b1\""],
    "--b1" + CRLF + "Content-Type: text/plain; charset=UTF-8" + CRLF + "Content-Transfer-Encoding: base64" + CRLF + CRLF
    + b64(body_zh.encode()) + "--b1" + CRLF + "Content-Type: image/png" + CRLF
    + "Content-Disposition: attachment; filename*=UTF-8''%E6%8F%90%E7%8E%B0%E6%88%AA%E5%9B%BE.png" + CRLF
    + "Content-Transfer-Encoding: base64" + CRLF + CRLF + b64(png) + "--b1--" + CRLF)

# 2. English deposit not credited, with an EVM hash in an explorer link.
deliver("support", 25, [
    "From: Tom Becker <tom.becker@example.de>", "To: support@exchange.example",
    "Subject: Deposit not credited after 3 hours", "Date: Mon, 18 Mar 2024 01:25:00 +0100",
    "Message-ID: <CAB7x1@mail.example.de>", "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=us-ascii"],
    "Hello,\r\n\r\nI deposited 0.85 ETH three hours ago and it still is not in my account.\r\n"
    "Account UID: 50231177\r\nhttps://etherscan.io/tx/0x7d3e0c9b5a1f2e4d6c8b0a9f1e3d5c7b9a1f3e5d7c9b1a3f5e7d9c1b3a5f7e9d\r\n\r\nThanks,\r\nTom\r\n")

# 3. The Chinese customer writes again with the ticket tag: joins SUP-000001.
deliver("support", 200, [
    "From: " + w("林晓") + " <lin.xiao@example.cn>", "To: support@exchange.example",
    "Subject: " + w("回复: [Ticket#SUP-000001] 提现未到账 - USDT TRC20"), "Date: Mon, 18 Mar 2024 11:20:00 +0800",
    "Message-ID: <20240318112000.77aa@mail.example.cn>", "MIME-Version: 1.0"] + text_part("请问有进展吗？已经过去三个小时了。\r\n")[0],
    text_part("请问有进展吗？已经过去三个小时了。\r\n")[1])

# 4. ... and once more without the tag but about the same TxID: joins by the TxID.
deliver("support", 320, [
    "From: " + w("林晓") + " <lin.xiao@example.cn>", "To: support@exchange.example",
    "Subject: " + w("USDT 还是没有到账"), "Date: Mon, 18 Mar 2024 13:20:00 +0800",
    "Message-ID: <20240318132000.9c1d@mail.example.cn>", "MIME-Version: 1.0"]
    + text_part("还是没有到账。TxID: a3f1c9e2b7d4058e6f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70\r\n")[0],
    text_part("还是没有到账。TxID: a3f1c9e2b7d4058e6f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70\r\n")[1])

# 5. Tom again, a different problem (API), same UID: a new ticket (a UID names the account, not the problem).
deliver("support", 400, [
    "From: Tom Becker <tom.becker@example.de>", "To: support@exchange.example",
    "Subject: API returns 429 on order endpoint", "Date: Mon, 18 Mar 2024 07:40:00 +0100",
    "Message-ID: <CAB7x9@mail.example.de>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=us-ascii"],
    "Hi, my API key keeps getting HTTP 429 on POST /api/v3/order even at 2 requests per second.\r\nUID 50231177.\r\n", folder="cur")

# 6. A stranger quotes SUP-000001's tag: a new, flagged ticket, not an answer on the customer's ticket.
deliver("support", 450, [
    "From: Support Team <helpdesk@exchange-support.example>", "To: support@exchange.example",
    "Subject: [Ticket#SUP-000001] Please confirm the customer's wallet seed", "Date: Mon, 18 Mar 2024 07:30:00 +0000",
    "Message-ID: <x91@exchange-support.example>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=us-ascii"],
    "We are handling ticket SUP-000001 together with you. Please send us the customer's wallet seed so we can verify the withdrawal.\r\n")

# 7. An out-of-office reply from Tom's address about ticket SUP-000002: joins it, no acknowledgement.
deliver("support", 500, [
    "From: Tom Becker <tom.becker@example.de>", "To: support@exchange.example",
    "Subject: Automatic reply: [Ticket#SUP-000002] Re: Deposit not credited after 3 hours",
    "Date: Mon, 18 Mar 2024 09:20:00 +0100", "Message-ID: <ooo-1@mail.example.de>",
    "Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All", "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=us-ascii"],
    "I am out of the office until 25 March with limited access to email.\r\n")

# 8. A password in a Chinese mail: redacted, flagged, and the acknowledgement says to change it.
deliver("support", 560, [
    "From: " + w("周杰") + " <zhou.jie@example.cn>", "To: support@exchange.example",
    "Subject: " + w("无法登录账户"), "Date: Mon, 18 Mar 2024 17:20:00 +0800",
    "Message-ID: <zj-1@example.cn>", "MIME-Version: 1.0"]
    + text_part("你好，我登录不了账户，一直提示密码错误。\r\n我的UID是 77120388，密码是 Zj@2024secure，麻烦帮我看看。\r\n")[0],
    text_part("你好，我登录不了账户，一直提示密码错误。\r\n我的UID是 77120388，密码是 Zj@2024secure，麻烦帮我看看。\r\n")[1])

# 9. Traditional Chinese (Big5) from Hong Kong.
big5 = "您好，我的訂單 OD20240318HK77 顯示已成交，但資產沒有增加。UID：61234098\r\n".encode("big5")
deliver("support", 620, [
    "From: =?big5?B?" + base64.b64encode("陳大文".encode("big5")).decode() + "?= <chan.taiman@example.hk>",
    "To: support@exchange.example", "Subject: =?big5?B?" + base64.b64encode("訂單已成交但資產未到帳".encode("big5")).decode() + "?=",
    "Date: Mon, 18 Mar 2024 18:20:00 +0800", "Message-ID: <hk-1@example.hk>", "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=big5", "Content-Transfer-Encoding: 8bit"], big5)

# 10. A bounce about a message we never sent (backscatter): quarantined for a person to look at.
deliver("support", 700, [
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>", "To: support@exchange.example",
    "Subject: Undelivered Mail Returned to Sender", "Date: Mon, 18 Mar 2024 11:40:00 +0000",
    "Message-ID: <bounce-77@mx.example.net>", "Auto-Submitted: auto-replied", "MIME-Version: 1.0",
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\""],
    "--r" + CRLF + "Content-Type: text/plain" + CRLF + CRLF + "Your message could not be delivered." + CRLF
    + "--r" + CRLF + "Content-Type: message/delivery-status" + CRLF + CRLF
    + "Reporting-MTA: dns; mx.example.net" + CRLF + CRLF + "Final-Recipient: rfc822; someone@example.net" + CRLF
    + "Action: failed" + CRLF + "Status: 5.1.1" + CRLF + CRLF
    + "--r" + CRLF + "Content-Type: text/rfc822-headers" + CRLF + CRLF
    + "From: support@exchange.example" + CRLF + "Message-ID: <forged-123@exchange.example>" + CRLF + CRLF + "--r--" + CRLF)

# --- security@ ------------------------------------------------------------------------------
# 11. Account compromise (English).
deliver("security", 30, [
    "From: \"Martin, Jane\" <jane.martin@example.com>", "To: security@exchange.example",
    "Subject: Unauthorized login on my account - please freeze", "Date: Mon, 18 Mar 2024 00:30:00 +0000",
    "Message-ID: <CAF1x9q+7Yh2@mail.example.com>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=us-ascii"],
    "Hi,\r\n\r\nI just got a login alert from an IP in a country I have never been to.\r\nMy account UID is 50117733. Please freeze withdrawals until I can reset my 2FA.\r\n"
    "I did NOT approve the withdrawal with TxID 0x9e3b1f7c2a5d48e6b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3\r\n\r\nThanks,\r\nJane\r\n")

# 12. The same mail sent to support@ and security@ at once: one ticket, visible in both queues.
same = ["From: " + w("刘洋") + " <liu.yang@example.cn>", "To: support@exchange.example, security@exchange.example",
        "Subject: " + w("账户被盗，资产被转走"), "Date: Mon, 18 Mar 2024 20:00:00 +0800",
        "Message-ID: <ly-stolen-1@example.cn>", "MIME-Version: 1.0"]
same_text = "紧急！我的账户昨晚出现异常登录，USDT 被全部转走。\r\n我的UID：88001234\r\n转出交易哈希：0x4b2e8d1f6a3c5e7b9d0f2a4c6e8b1d3f5a7c9e2b4d6f8a1c3e5b7d9f0a2c4e6b\r\n"
deliver("security", 720, same + text_part(same_text)[0], text_part(same_text)[1])
deliver("support", 721, same + text_part(same_text)[0], text_part(same_text)[1])

# 13. A seed phrase sent in the clear: redacted; the acknowledgement says to move funds.
seed = "abandon ability able about above absent absorb abstract absurd abuse access accident"
deliver("security", 760, [
    "From: Ken Watanabe <ken.w@example.jp>", "To: security@exchange.example",
    "Subject: Is my wallet safe?", "Date: Mon, 18 Mar 2024 12:40:00 +0000",
    "Message-ID: <kw-1@example.jp>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=us-ascii"],
    "Someone asked me to verify my wallet. My recovery phrase is:\r\n" + seed + "\r\nIs it still safe? UID 40020011\r\n")

# 14. Spoofed sender: DMARC failed. The security@ acknowledgement says nothing beyond the ticket number.
deliver("security", 800, [
    "Authentication-Results: mx.exchange.example; spf=fail smtp.mailfrom=exchange.example; dkim=none; dmarc=fail header.from=exchange.example",
    "From: Exchange Security <security-alerts@exchange.example>", "To: security@exchange.example",
    "Subject: Urgent: verify admin credentials", "Date: Mon, 18 Mar 2024 13:20:00 +0000",
    "Message-ID: <spoof-1@attacker.example>", "Reply-To: verify@attacker.example", "MIME-Version: 1.0",
    "Content-Type: text/html; charset=utf-8"],
    "<p>Your admin session expired. <a href=\"https://attacker.example/login\">Verify now</a>.</p>\r\n")

# --- compliance@ ----------------------------------------------------------------------------
# 15. KYC documents with a PDF.
deliver("compliance", 40, [
    "From: Amira Haddad <amira.haddad@example.ae>", "To: compliance@exchange.example",
    "Subject: KYC documents for account review", "Date: Mon, 18 Mar 2024 04:40:00 +0400",
    "Message-ID: <ah-kyc-1@example.ae>", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"k\""],
    "--k" + CRLF + "Content-Type: text/plain; charset=us-ascii" + CRLF + CRLF
    + "Dear compliance team,\r\nplease find my proof of address attached for the KYC review. UID: 30998877\r\nBest regards,\r\nAmira" + CRLF
    + "--k" + CRLF + "Content-Type: application/pdf; name=\"proof-of-address.pdf\"" + CRLF
    + "Content-Disposition: attachment; filename=\"proof-of-address.pdf\"" + CRLF + "Content-Transfer-Encoding: base64" + CRLF + CRLF
    + b64(b"%PDF-1.4\n% sample\n" + bytes(400)) + "--k--" + CRLF)

# 16. Chinese question about a frozen account and sanctions screening.
deliver("compliance", 820, [
    "From: " + w("王强") + " <wang.qiang@example.cn>", "To: compliance@exchange.example",
    "Subject: " + w("账户被冻结，要求补充资金来源证明"), "Date: Mon, 18 Mar 2024 21:40:00 +0800",
    "Message-ID: <wq-1@example.cn>", "MIME-Version: 1.0"]
    + text_part("您好，我的账户因为合规审查被冻结，要求提供资金来源证明。请问需要哪些材料？UID：12009876\r\n")[0],
    text_part("您好，我的账户因为合规审查被冻结，要求提供资金来源证明。请问需要哪些材料？UID：12009876\r\n")[1])

# 17. A newsletter from a list: a ticket for the record, but no acknowledgement.
deliver("compliance", 840, [
    "From: RegWatch Newsletter <news@regwatch.example>", "To: compliance@exchange.example",
    "Subject: This week in crypto regulation", "Date: Mon, 18 Mar 2024 14:00:00 +0000",
    "Message-ID: <nl-2024-11@regwatch.example>", "List-Id: RegWatch weekly <weekly.regwatch.example>",
    "List-Unsubscribe: <mailto:unsubscribe@regwatch.example>", "Precedence: bulk", "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=us-ascii"],
    "This week: new travel-rule guidance, and a consultation on stablecoin reserves.\r\n")

print("wrote", counter, "messages")
