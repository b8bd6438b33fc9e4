using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MailTicketing.Mime.Tests.Writing;

/// <summary>Parses messages with Python's email package (policy.default) and returns what it saw, as JSON.</summary>
internal static class PythonEmail
{
    // Kept here rather than as a file next to the tests because the test project file is not ours to edit.
    private const string Script = """
        import email, email.policy, hashlib, json, sys

        def addresses(msg, name):
            header = msg[name]
            if header is None:
                return []
            return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]

        def shape(part):
            if part.is_multipart():
                return part.get_content_type() + "[" + ",".join(shape(p) for p in part.iter_parts()) + "]"
            return part.get_content_type()

        def defects(msg):
            found = []
            for index, part in enumerate(msg.walk()):
                for defect in part.defects:
                    found.append(f"part {index}: {type(defect).__name__}: {defect}")
                for name, value in part.items():
                    for defect in getattr(value, "defects", ()):
                        found.append(f"part {index} {name}: {type(defect).__name__}: {defect}")
            return found

        def body(msg, kind):
            part = msg.get_body((kind,))
            return None if part is None else part.get_content()

        def leaves(msg):
            found = []
            for part in msg.walk():
                if part.is_multipart():
                    continue
                payload = part.get_payload(decode=True) or b""
                content_type = part["content-type"]
                found.append({
                    "type": part.get_content_type(),
                    "filename": part.get_filename(),
                    "name": None if content_type is None else content_type.params.get("name"),
                    "disposition": part.get_content_disposition(),
                    "contentId": None if part["content-id"] is None else str(part["content-id"]),
                    "length": len(payload),
                    "sha256": hashlib.sha256(payload).hexdigest(),
                })
            return found

        def header(msg, name):
            value = msg[name]
            return None if value is None else str(value)

        results = []
        for path in sys.argv[1:]:
            with open(path, "rb") as f:
                msg = email.message_from_bytes(f.read(), policy=email.policy.default)
            results.append({
                "subject": header(msg, "subject"),
                "from": addresses(msg, "from"),
                "to": addresses(msg, "to"),
                "cc": addresses(msg, "cc"),
                "replyTo": addresses(msg, "reply-to"),
                "messageId": header(msg, "message-id"),
                "inReplyTo": header(msg, "in-reply-to"),
                "references": header(msg, "references"),
                "date": None if msg["date"] is None else msg["date"].datetime.isoformat(),
                "headers": [[k, str(v)] for k, v in msg.items()],
                "text": body(msg, "plain"),
                "html": body(msg, "html"),
                "shape": shape(msg),
                "parts": leaves(msg),
                "defects": defects(msg),
            })
        sys.stdout.buffer.write(json.dumps(results, ensure_ascii=False).encode("utf-8"))
        """;

    private static readonly Lazy<bool> Available = new(Probe);

    public static bool IsAvailable => Available.Value;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses each message and returns one JSON object per message, in order.</summary>
    public static IReadOnlyList<JsonElement> Parse(params byte[][] messages)
    {
        Assert.True(IsAvailable, "python3 with the email package was not found on PATH, and CI=true requires it.");
        var directory = Directory.CreateTempSubdirectory("mime-writer-");
        try
        {
            var script = Path.Combine(directory.FullName, "roundtrip.py");
            File.WriteAllText(script, Script);
            var arguments = new List<string> { script };
            for (var i = 0; i < messages.Length; i++)
            {
                var path = Path.Combine(directory.FullName, $"m{i}.eml");
                File.WriteAllBytes(path, messages[i]);
                arguments.Add(path);
            }

            var (exitCode, stdout, stderr) = Run(arguments, TimeSpan.FromMinutes(2));
            Assert.True(exitCode == 0, $"python3 failed ({exitCode}): {stderr}");
            using var document = JsonDocument.Parse(stdout);
            return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool Probe()
    {
        try
        {
            return Run(["-c", "import email.policy"], TimeSpan.FromSeconds(20)).ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("python3 did not finish in time");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
