namespace MailTicketing.Bench.Imap;

/// <param name="Count">Messages in the backlog (APPENDed to Dovecot, written as files for the import).</param>
/// <param name="Latency">Messages sent one by one over SMTP for the delivery-to-ticket latency.</param>
internal sealed record ImapBenchSettings(string Work, string ReportFile, int Count, int Latency, int Seed, string Meta);
