using System.Diagnostics;

namespace MailTicketing.Faults.Tests.Support;

/// <summary>
/// A real, small file system (tmpfs with a size limit, mounted by root) for the worker's data
/// folder, so "disk full" is the kernel's ENOSPC and not a simulation. Unmounted on dispose.
/// </summary>
internal sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("mt-fault-disk-").FullName;
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0755", "tmpfs", path);
        return new SmallDisk(path);
    }

    /// <summary>Writes a file until the disk is full; returns its path (delete it to free the space).</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var block = new byte[64 * 1024];
        using var file = new FileStream(filler, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full. Top up the last partial block a byte at a time.
            try
            {
                while (true)
                {
                    file.Write(block, 0, 1);
                }
            }
            catch (IOException)
            {
                return filler;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "--lazy", Path);
        Directory.Delete(Path);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(program, arguments);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}");
    }
}
