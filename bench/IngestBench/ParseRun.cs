using MailTicketing.Mime;

namespace MailTicketing.Bench.Ingest;

/// <summary>
/// The baseline: the MIME parse alone over the same files, reading what ingestion reads first
/// (subject, from, text body, every attachment's decoded length), as bench/MimeBench does.
/// </summary>
internal static class ParseRun
{
    /// <summary>Parses every file once; returns a checksum of the lengths read, so the work cannot be optimised away.</summary>
    public static long Pass(IReadOnlyList<MailFile> files)
    {
        long total = 0;
        foreach (var file in files)
        {
            using var message = MimeMessage.Load(file.Path);
            total += message.Subject?.Length ?? 0;
            total += message.From.ToString().Length;
            total += message.TextBody?.Length ?? 0;
            foreach (var attachment in message.Attachments)
            {
                total += attachment switch
                {
                    MimePart part => part.Content.Length,
                    MessagePart embedded => embedded.RawContent.Length,
                    _ => 0,
                };
            }
        }

        return total;
    }
}
