using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailTicketing.Imap.Tests.Support;

namespace MailTicketing.Faults.Tests.Support;

/// <summary>
/// A Dovecot of the test's own (IMAPS only, one user support@ with the shared test password,
/// its own self-signed certificate, ports chosen free, everything in a temp folder), which the
/// test may stop and start: the shared instance of scripts/servers/up.sh is used by other tests
/// at the same time and is never restarted. Its folders can be filled by writing Maildir files
/// directly, which is how 100,000 messages get there in seconds.
/// </summary>
internal sealed class PrivateDovecot : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mt-fault-dovecot-").FullName;

    public int ImapsPort { get; } = FreePort();

    public string CaFile => Path.Combine(_root, "tls", "cert.pem");

    public string User => MailServer.Staff("support");

    private string ConfigFile => Path.Combine(_root, "dovecot.conf");

    private string Maildir => Path.Combine(_root, "mail", "support", "Maildir");

    public static async Task<PrivateDovecot> StartAsync()
    {
        var dovecot = new PrivateDovecot();
        await dovecot.ConfigureAsync();
        await dovecot.StartServerAsync();
        return dovecot;
    }

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public async Task StartServerAsync()
    {
        // The master daemonizes and its children keep inherited pipes open: write start-up
        // errors to a file rather than to a pipe this test would wait on for ever.
        await RunAsync("sh", "-c", "dovecot -c \"$0\" </dev/null >\"$1\" 2>&1 || { cat \"$1\" >&2; exit 1; }", ConfigFile, Path.Combine(_root, "log", "start.log"));
        await WaitForPortAsync(open: true);
    }

    /// <summary>
    /// Stops the server and waits until its port is closed. <paramref name="crash"/>: SIGKILL to
    /// the master and every process under it, as a crash or the OOM killer ends it, so every
    /// session is cut wherever it is (a SIGTERM stop lets busy sessions finish their command
    /// first); otherwise SIGTERM to the master, as `systemctl stop dovecot` does.
    /// </summary>
    public async Task StopServerAsync(bool crash = false)
    {
        var pid = int.Parse((await File.ReadAllTextAsync(Path.Combine(_root, "run", "master.pid"))).Trim(), CultureInfo.InvariantCulture);
        // One kill for all: a process may end on its own meanwhile ("No such process"), which is fine.
        var targets = crash ? [.. Descendants(pid), pid] : new List<int> { pid };
        await RunAsync(check: false, "kill", [crash ? "-KILL" : "-TERM", .. targets.Select(t => t.ToString(CultureInfo.InvariantCulture))]);

        var clock = Stopwatch.StartNew();
        while (Directory.Exists($"/proc/{pid}") && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        File.Delete(Path.Combine(_root, "run", "master.pid"));
        await WaitForPortAsync(open: false);
    }

    /// <summary>Creates a folder of support@ holding <paramref name="messages"/> as Maildir files, in order (UIDs follow the file order at the first SELECT).</summary>
    public async Task<string> CreateFolderAsync(string name, IEnumerable<byte[]> messages)
    {
        var cur = Path.Combine(Maildir, "." + name, "cur");
        Directory.CreateDirectory(cur);
        foreach (var sub in (string[])["new", "tmp"])
        {
            Directory.CreateDirectory(Path.Combine(Maildir, "." + name, sub));
        }

        var i = 0;
        foreach (var message in messages)
        {
            // Maildir names: unique base, ",S=" size (saves Dovecot a stat), ":2," info; the
            // zero-padded counter keeps Dovecot's directory-order UIDs in our order.
            var file = string.Create(CultureInfo.InvariantCulture, $"1700000000.M{i:D7}P1.mt,S={message.Length}:2,");
            await File.WriteAllBytesAsync(Path.Combine(cur, file), message);
            i++;
        }

        await RunAsync("chown", "-R", "mail:mail", Path.Combine(_root, "mail"));
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_root, "run", "master.pid")))
        {
            try
            {
                await StopServerAsync();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                // Already stopped.
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    /// <summary>The processes under <paramref name="pid"/> (children, their children), from /proc.</summary>
    private static List<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var id))
            {
                try
                {
                    // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    parents[id] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // Ended meanwhile.
                }
            }
        }

        var found = new List<int>();
        var queue = new Queue<int>([pid]);
        while (queue.TryDequeue(out var parent))
        {
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                found.Add(child);
                queue.Enqueue(child);
            }
        }

        return found;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsync(string program, params string[] arguments) => RunAsync(check: true, program, arguments);

    private static async Task RunAsync(bool check, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(!check || process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{await output}");
    }

    private async Task ConfigureAsync()
    {
        foreach (var sub in (string[])["run", "state", "log", "tls", "mail"])
        {
            Directory.CreateDirectory(Path.Combine(_root, sub));
        }

        await RunAsync("chmod", "0755", _root, Path.Combine(_root, "run"));
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-addext", "basicConstraints=critical,CA:TRUE",
            "-keyout", Path.Combine(_root, "tls", "key.pem"), "-out", CaFile);
        Directory.CreateDirectory(Path.Combine(Maildir, "cur"));
        Directory.CreateDirectory(Path.Combine(Maildir, "new"));
        Directory.CreateDirectory(Path.Combine(Maildir, "tmp"));
        await RunAsync("chown", "-R", "mail:mail", Path.Combine(_root, "mail"));

        var users = Path.Combine(_root, "users");
        await File.WriteAllTextAsync(users, $"{User}:{{PLAIN}}{MailServer.Password}:8:8::{Path.Combine(_root, "mail", "support")}::\n");
        await RunAsync("chgrp", "dovecot", users);
        await RunAsync("chmod", "0640", users);

        var config = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"instance_name = mt-fault-{ImapsPort}")
            .AppendLine(CultureInfo.InvariantCulture, $"base_dir = {_root}/run")
            .AppendLine(CultureInfo.InvariantCulture, $"state_dir = {_root}/state")
            .AppendLine("listen = 127.0.0.1")
            .AppendLine("protocols = imap")
            .AppendLine(CultureInfo.InvariantCulture, $"log_path = {_root}/log/dovecot.log")
            .AppendLine("ssl = required")
            .AppendLine(CultureInfo.InvariantCulture, $"ssl_cert = <{CaFile}")
            .AppendLine(CultureInfo.InvariantCulture, $"ssl_key = <{_root}/tls/key.pem")
            .AppendLine("ssl_min_protocol = TLSv1.2")
            .AppendLine("auth_mechanisms = plain login")
            .AppendLine("auth_failure_delay = 0")
            .AppendLine("first_valid_uid = 8")
            .AppendLine("mail_location = maildir:~/Maildir")
            .AppendLine("mail_uid = 8")
            .AppendLine("mail_gid = 8")
            .AppendLine("namespace inbox {\n  inbox = yes\n  separator = /\n}")
            .AppendLine(CultureInfo.InvariantCulture, $"passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%Lu {users}\n}}")
            .AppendLine(CultureInfo.InvariantCulture, $"userdb {{\n  driver = passwd-file\n  args = username_format=%Lu {users}\n}}")
            .AppendLine(CultureInfo.InvariantCulture, $"service imap-login {{\n  inet_listener imap {{\n    port = 0\n  }}\n  inet_listener imaps {{\n    address = 127.0.0.1\n    port = {ImapsPort}\n    ssl = yes\n  }}\n}}")
            .ToString();
        await File.WriteAllTextAsync(ConfigFile, config);
    }

    private async Task WaitForPortAsync(bool open)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, ImapsPort);
                if (open)
                {
                    return;
                }
            }
            catch (SocketException)
            {
                if (!open)
                {
                    return;
                }
            }

            await Task.Delay(50);
        }

        Assert.Fail($"the private Dovecot's port {ImapsPort} did not {(open ? "open" : "close")} within 20 s");
    }
}
