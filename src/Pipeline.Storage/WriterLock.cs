using System.Globalization;
using System.Text;

namespace Pipeline.Storage;

/// <summary>Another process holds the writer's lock on a store or index.</summary>
public sealed class WriterBusyException(string target, int? holder)
    : IOException($"another process is writing {target}{(holder is { } pid ? $" (pid {pid})" : "")}")
{
    /// <summary>The store or index folder that is being written.</summary>
    public string Target { get; } = target;

    /// <summary>The process id written into the lock file by the holder, when it could be read.</summary>
    public int? Holder { get; } = holder;
}

/// <summary>
/// One writer at a time, across processes: an exclusive lock on a file beside the store (or inside the
/// index folder), held for the writer's whole run. The operating system drops the lock when the holder
/// exits, however it exits (kill -9 included), so a stale lock never blocks the next run. The holder's
/// pid goes into a file beside it ("….lock.pid"), only for the message a second writer prints: the lock
/// file itself cannot be read while it is held.
/// </summary>
public sealed class WriterLock : IDisposable
{
    private readonly FileStream _file;

    private WriterLock(FileStream file, string path)
    {
        _file = file;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The lock file that guards a store: "data/pipeline.db" → "data/pipeline.db.lock".</summary>
    public static string ForStore(string database) => database + ".lock";

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="wait"/> for another writer to finish (polling, since
    /// the lock is advisory); <paramref name="waiting"/> hears once that we wait, and for whom.
    /// Throws <see cref="WriterBusyException"/> when the wait ends with the lock still held.
    /// </summary>
    public static WriterLock Acquire(string lockPath, string target, TimeSpan wait, Action<int?>? waiting = null,
        TimeProvider? time = null, CancellationToken cancel = default)
    {
        time ??= TimeProvider.System;
        var deadline = time.GetUtcNow() + wait;
        var told = false;
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(lockPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        while (true)
        {
            if (TryOpen(lockPath) is { } file)
            {
                TryWritePid(lockPath);
                return new WriterLock(file, lockPath);
            }

            var holder = ReadHolder(lockPath);
            if (time.GetUtcNow() >= deadline)
            {
                throw new WriterBusyException(target, holder);
            }

            if (!told)
            {
                waiting?.Invoke(holder);
                told = true;
            }

            var pause = TimeSpan.FromMilliseconds(200);
            var left = deadline - time.GetUtcNow();
            Task.Delay(left < pause ? left : pause, time, cancel).GetAwaiter().GetResult();
        }
    }

    /// <summary>The pid a holder wrote into the lock file, when it can be read.</summary>
    public static int? ReadHolder(string lockPath)
    {
        try
        {
            var text = File.ReadAllText(lockPath + ".pid", Encoding.ASCII).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void TryWritePid(string lockPath)
    {
        try
        {
            File.WriteAllText(lockPath + ".pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n", Encoding.ASCII);
        }
        catch (IOException)
        {
            // The pid only improves a message; the lock already holds.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static FileStream? TryOpen(string lockPath)
    {
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix and a sharing lock on Windows.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            return null;
        }
    }

    // EWOULDBLOCK from flock on Linux (11) and macOS (35); ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION on Windows.
    private static bool IsHeldElsewhere(IOException e) =>
        e.GetType() == typeof(IOException) && e.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    public void Dispose() => _file.Dispose();
}
