using System.CommandLine;
using MailTicketing.Mime;
using MailTicketing.Worker.Inspection;

namespace MailTicketing.Worker.Cli;

/// <summary>`inspect FILE.eml [--json]`: shows what the MIME reader made of a message.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The message to read (.eml, raw RFC 5322)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (shape documented in README.md)." };
        var command = new Command("inspect", "Show what the parser made of a message: headers, bodies, attachments, defects.")
        {
            file,
            json,
        };
        command.SetAction(result => Run(result.GetRequiredValue(file), result.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(FileInfo file, bool json, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"inspect: no such file: {file.FullName}");
            return 2;
        }

        MessageReport report;
        try
        {
            using var message = MimeMessage.Load(file.FullName);
            report = MessageReport.Create(message, file.FullName);
        }
        catch (IOException e)
        {
            error.WriteLine($"inspect: cannot read {file.FullName}: {e.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"inspect: cannot read {file.FullName}: {e.Message}");
            return 2;
        }

        if (json)
        {
            MessageReportJson.Write(report, output);
        }
        else
        {
            MessageReportText.Write(report, output);
        }

        return 0;
    }
}
