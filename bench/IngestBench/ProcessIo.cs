using System.Globalization;

namespace MailTicketing.Bench.Ingest;

/// <summary>The process's I/O counters from /proc/self/io: bytes and calls through read() and write(), whatever the file.</summary>
internal readonly record struct ProcessIo(long ReadBytes, long WrittenBytes, long ReadCalls, long WriteCalls)
{
    public static ProcessIo Now()
    {
        if (!File.Exists("/proc/self/io"))
        {
            return default;
        }

        var fields = File.ReadAllLines("/proc/self/io")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture));
        return new ProcessIo(fields.GetValueOrDefault("rchar"), fields.GetValueOrDefault("wchar"), fields.GetValueOrDefault("syscr"), fields.GetValueOrDefault("syscw"));
    }

    public static ProcessIo operator -(ProcessIo a, ProcessIo b) =>
        new(a.ReadBytes - b.ReadBytes, a.WrittenBytes - b.WrittenBytes, a.ReadCalls - b.ReadCalls, a.WriteCalls - b.WriteCalls);
}
