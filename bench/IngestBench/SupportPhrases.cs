namespace MailTicketing.Bench.Ingest;

/// <summary>What customers of an exchange write to support, security and compliance, in Chinese and English.</summary>
internal static class SupportPhrases
{
    public static readonly Topic[] Topics =
    [
        new("support", HasTransaction: true, HasOrder: false,
            ["提现未到账", "提现一直显示处理中", "USDT 提现没有到账", "提币申请长时间未处理", "提现到账金额不对"],
            ["Withdrawal not received", "Withdrawal stuck in processing", "USDT withdrawal missing", "Where is my withdrawal?", "Withdrawal amount is wrong"],
            ["我在昨天下午提交了 {amount} {coin} 的提现申请，到现在还没有到账。", "提现页面一直显示“处理中”，已经超过二十四小时了。", "区块浏览器上显示交易已经成功，但是我的钱包没有收到 {amount} {coin}。"],
            ["I requested a withdrawal of {amount} {coin} yesterday and it has not arrived yet.", "The withdrawal page has said \"processing\" for more than 24 hours.", "The explorer shows the transfer as confirmed but my wallet never received {amount} {coin}."]),
        new("support", HasTransaction: true, HasOrder: false,
            ["充值没有到账", "充值未到账 - USDT TRC20", "充值确认后余额没变化", "ETH 充值不到账"],
            ["Deposit not credited", "Deposit not credited after 3 hours", "Deposit confirmed but balance unchanged", "Missing ETH deposit"],
            ["我三个小时前充值了 {amount} {coin}，区块链上已经确认了十二次，但余额没有变化。", "充值地址是从你们页面复制的，网络也选对了，可是一直没有到账。"],
            ["I deposited {amount} {coin} three hours ago; it has 12 confirmations but my balance has not changed.", "I copied the deposit address from your page and chose the right network, yet nothing arrived."]),
        new("support", HasTransaction: false, HasOrder: false,
            ["账户被冻结", "账号无法登录", "登录一直提示验证码错误", "谷歌验证器丢失，无法登录"],
            ["Account locked", "Cannot log in", "Login says the verification code is wrong", "Lost my authenticator, cannot sign in"],
            ["登录时一直提示验证码错误，换了浏览器和手机也不行。", "我的账户突然被冻结了，没有收到任何通知。", "手机丢了，谷歌验证器也一起丢了，现在无法登录。"],
            ["Every login attempt says the verification code is wrong, on two browsers and my phone.", "My account was suddenly frozen without any notice.", "I lost my phone together with the authenticator app and cannot log in."]),
        new("support", HasTransaction: false, HasOrder: true,
            ["订单重复扣款", "订单 {order} 重复扣款", "手续费和页面显示不一致", "关于交易手续费的疑问"],
            ["Order charged twice", "Order {order} charged twice", "Fee differs from what the page showed", "Question about trading fees"],
            ["订单 {order} 被扣了两次款，金额分别为 {amount} 元和 {amount} 元。", "请问手续费是如何计算的？为什么和页面上显示的金额不一样？"],
            ["Order {order} was charged twice, {amount} and {amount}.", "How is the fee calculated? It is not what the order page showed."]),
        new("support", HasTransaction: false, HasOrder: true,
            ["申请开具发票", "P2P 交易纠纷", "卖家收款后未放币", "法币订单申诉"],
            ["Invoice request", "P2P trade dispute", "Seller received payment but did not release", "Appeal for a fiat order"],
            ["我们公司需要开具增值税专用发票，抬头和税号信息见附件。", "P2P 订单 {order} 我已经付款，卖家一直不放币，也不回复消息。"],
            ["Our company needs an invoice for last month; the billing details are attached.", "I paid for P2P order {order} but the seller has not released the coins and does not answer."]),
        new("support", HasTransaction: false, HasOrder: false,
            ["API 返回 429", "API 下单接口报错", "WebSocket 经常断开"],
            ["API returns 429 on order endpoint", "API order endpoint error {error}", "WebSocket keeps disconnecting"],
            ["调用下单接口时一直返回错误 {error}，每秒只有两次请求。", "WebSocket 行情推送每隔几分钟就断开一次。"],
            ["POST /api/v3/order keeps returning {error} even at two requests per second.", "The market data WebSocket drops every few minutes."]),
        new("security", HasTransaction: true, HasOrder: false,
            ["账户被盗，资产被转走", "收到可疑登录提醒", "紧急：资金被盗"],
            ["Account hacked, funds stolen", "Suspicious login alert", "URGENT: funds stolen from my account"],
            ["我的账户昨晚出现异常登录，{amount} {coin} 被全部转走。", "我收到了一封来自陌生 IP 的登录提醒，但那不是我本人操作。"],
            ["Someone logged into my account last night and moved {amount} {coin} out.", "I got a login alert from an IP I do not know; it was not me."]),
        new("security", HasTransaction: false, HasOrder: false,
            ["举报钓鱼网站", "收到冒充客服的短信"],
            ["Reporting a phishing site", "SMS pretending to be your support"],
            ["我收到一条短信，说我的账户有风险，让我点击链接重新验证。", "有人冒充你们的客服加我微信，要求我提供助记词。"],
            ["I received a text saying my account is at risk with a link to verify it again.", "Someone posing as your support asked me for my recovery phrase."]),
        new("compliance", HasTransaction: false, HasOrder: false,
            ["KYC 认证失败", "身份认证一直审核中", "资金来源证明材料"],
            ["KYC verification failed", "Identity verification pending for a week", "Source of funds documents"],
            ["我的身份认证已经提交了一周，还是显示审核中。", "按照要求补充了资金来源证明，请查收附件。"],
            ["My identity verification has been pending for a week.", "As requested, the source of funds documents are attached."]),
    ];

    public static readonly string[] ChineseGreetings = ["您好，", "你好，", "客服您好：", "您好！", "Hi，"];

    public static readonly string[] EnglishGreetings = ["Hello,", "Hi,", "Dear support team,", "Hello support,", "Hi there,"];

    public static readonly string[] ChineseFillers =
    [
        "这个问题已经持续了三天，严重影响了我的正常交易。",
        "客服热线一直占线，所以只好发邮件联系你们。",
        "如果需要补充其他资料，请随时告诉我，我会尽快提供。",
        "另外，我想确认一下大额提现是否需要额外的人工审核。",
        "我已经按照帮助中心的说明操作过了，还是不行。",
        "之前在在线客服提交过一次，但是没有人回复。",
        "我用的是安卓手机，APP 是最新版本。",
        "麻烦帮我查一下具体是什么原因。",
    ];

    public static readonly string[] EnglishFillers =
    [
        "This has been going on for three days and I cannot trade.",
        "Your hotline is always busy, so I am writing instead.",
        "Let me know if you need anything else from me.",
        "I followed the steps in the help center but it did not help.",
        "I already asked in the live chat but nobody answered.",
        "I am using the latest version of the iOS app.",
        "Could you please check what went wrong?",
    ];

    public static readonly string[] ChineseClosings = ["谢谢！", "麻烦尽快处理，谢谢。", "期待您的回复。", "此致\n敬礼"];

    public static readonly string[] EnglishClosings = ["Thanks,", "Thank you,", "Best regards,", "Kind regards,", "Cheers,"];

    public static readonly string[] ChineseFollowUps =
    [
        "还是没有到账，请问进度如何？",
        "已经过去两天了，麻烦给个答复。",
        "补充一下，截图已经附上，请查收。",
        "请尽快处理，我这边很着急。",
        "好的，我再等等，有结果请通知我。",
        "刚才又试了一次，还是同样的问题。",
    ];

    public static readonly string[] EnglishFollowUps =
    [
        "Any update? It still has not arrived.",
        "It has been two days now, please reply.",
        "Adding the screenshot you asked for.",
        "Please hurry, this is urgent for me.",
        "OK, I will wait; please let me know when you have news.",
        "I tried again just now and got the same result.",
    ];

    public static readonly string[] Coins = ["USDT", "USDT", "ETH", "BTC", "TRX", "USDC", "SOL"];

    public static readonly string[] ApiErrors = ["HTTP 429", "-1021 Timestamp outside recvWindow", "HTTP 503", "-2010 insufficient balance"];

    public static readonly string[] ChineseNames = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄婷", "周杰", "吴昊", "林晓", "徐丽", "孙强", "马超", "朱琳", "胡军"];

    public static readonly string[] ChineseLocalParts = ["zhangwei", "wangfang", "lina", "liuyang", "chenjing", "yanglei", "zhaomin", "huangting", "zhoujie", "wuhao", "linxiao", "xuli", "sunqiang", "machao", "zhulin", "hujun"];

    public static readonly string[] EnglishNames = ["Tom Becker", "Anna Schmidt", "James Miller", "Maria Garcia", "David Smith", "Sofia Rossi", "Lucas Martin", "Emma Wilson", "Noah Brown", "Olivia Taylor", "Ivan Petrov", "Yuki Tanaka"];

    public static readonly string[] ChineseDomains = ["qq.example.cn", "163.example.cn", "126.example.cn", "sina.example.cn", "foxmail.example.cn", "mail.example.hk"];

    public static readonly string[] EnglishDomains = ["gmail.example.com", "outlook.example.com", "yahoo.example.com", "proton.example.me", "mail.example.de", "example.co.uk"];

    public static readonly string[] AutoReplyChinese = ["您好，我正在休假，期间无法及时回复邮件，回来后会尽快处理。", "这是一封自动回复邮件，您的来信已收到。"];

    public static readonly string[] AutoReplyEnglish = ["I am out of the office until next Monday with limited access to email.", "Thank you for your message. This is an automatic reply."];

    public static readonly string[] ListTopics =
    [
        "Weekly security digest", "Blockchain industry news", "本周行业资讯", "Market report", "Compliance newsletter", "合规动态周报",
    ];

    public static readonly string[] ListHeadlines =
    [
        "Regulators publish new guidance on stablecoin reserves",
        "A new phishing kit targets exchange users",
        "Layer-2 fees fall after the network upgrade",
        "监管机构发布虚拟资产服务商新规",
        "多家交易所上线新的风控系统",
        "Quarterly report on ransomware payments",
        "Court rules on custody of customer assets",
        "新的钓鱼手法冒充交易所客服",
        "Open-source wallet library patches a signing bug",
        "Stablecoin issuers report reserve attestations",
    ];
}
