namespace MailTicketing.Bench.Ingest;

/// <summary>
/// A kind of support problem, in both languages. Sentences may hold placeholders the generator
/// fills: {amount}, {coin}, {order}, {tx}, {uid}, {error}.
/// </summary>
/// <param name="Mailbox">The mailbox such mail is sent to.</param>
/// <param name="HasTransaction">Whether the customer usually quotes a transaction hash.</param>
/// <param name="HasOrder">Whether the customer usually quotes an order number.</param>
internal sealed record Topic(
    string Mailbox,
    bool HasTransaction,
    bool HasOrder,
    string[] ChineseSubjects,
    string[] EnglishSubjects,
    string[] ChineseProblems,
    string[] EnglishProblems);
