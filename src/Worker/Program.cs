using MailTicketing.Worker.Cli;

return await CommandLine.RunAsync(args);
