using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Search;

/// <summary>Another process holds the index's write lock, and did not let go within the wait allowed.</summary>
public sealed class IndexBusyException(string folder, int? pid)
    : IOException($"another process is writing {folder}" + (pid is { } p ? $" (pid {p})" : ""))
{
    public string Folder { get; } = folder;

    /// <summary>The writer's process id, when it could be read.</summary>
    public int? Pid { get; } = pid;
}

/// <summary>A folder that should hold a search index does not (no such folder, or no commit in it).</summary>
public sealed class NotAnIndexException(string folder, string why) : IOException($"{folder} is not a search index: {why}")
{
    public string Folder { get; } = folder;
}

/// <summary>
/// The cross-process writer lock of an index folder, held for a writer's whole life: one process writes,
/// a second one waits for it (up to a limit) or is told which process is writing. The lock is the
/// operating system's lock on an open file, so a writer killed by any means releases it at once; no stale
/// lock file is ever left to remove. The holder's process id is written beside it, for the message.
/// Lucene's own write.lock only guards one IndexWriter and fails at once with a stack trace.
/// </summary>
public sealed class IndexLock : IDisposable
{
    public const string LockFile = "pipeline-writer.lock";
    public const string PidFile = "pipeline-writer.pid";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _held;

    private IndexLock(FileStream held) => _held = held;

    /// <summary>Takes the lock of an index folder.</summary>
    /// <param name="folder">The index folder (created if missing).</param>
    /// <param name="wait">How long to wait for another writer to finish.</param>
    /// <param name="waiting">Told once, with the holder's pid, when the lock is busy and the caller is going to wait.</param>
    /// <exception cref="IndexBusyException">Still held by another process after the wait.</exception>
    public static IndexLock Acquire(string folder, TimeSpan wait, Action<int?>? waiting = null)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, LockFile);
        var deadline = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            if (TryOpen(path) is { } held)
            {
                File.WriteAllText(Path.Combine(folder, PidFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                return new IndexLock(held);
            }

            if (deadline.Elapsed >= wait)
            {
                throw new IndexBusyException(folder, Holder(folder));
            }

            if (!told)
            {
                waiting?.Invoke(Holder(folder));
                told = true;
            }

            Thread.Sleep(Poll);
        }
    }

    // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows: both end with the process.
    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null; // held by another process (permission problems are UnauthorizedAccessException)
        }
    }

    /// <summary>The pid the current holder wrote, if readable (it may not have written it yet).</summary>
    private static int? Holder(string folder)
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(folder, PidFile)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _held.Dispose();
}
