using System.Diagnostics;

namespace Pipeline.Faults.Tests;

/// <summary>
/// Small file systems made for one test: a tmpfs of a few hundred kilobytes (a full disk) or a read-only
/// bind mount. They need root (CI runs as root); where mounting is refused the caller falls back or says so.
/// </summary>
public sealed class Mount : IDisposable
{
    private Mount(string path) => Path = path;

    public string Path { get; }

    public static Mount? Tmpfs(string path, int kilobytes) =>
        Try(path, "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);

    public static Mount? ReadOnly(string path) => Try(path, "--bind", "-o", "ro", path, path);

    private static Mount? Try(string path, params string[] args)
    {
        Directory.CreateDirectory(path);
        return Exec("mount", args) == 0 ? new Mount(path) : null;
    }

    private static int Exec(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit(10_000);
            return process.HasExited ? process.ExitCode : -1;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // no mount command here
        }
    }

    public void Dispose() => Exec("umount", "-l", Path);
}
