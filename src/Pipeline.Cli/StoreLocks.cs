using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>The writer's lock on a store, as the commands that write take it.</summary>
public static class StoreLocks
{
    /// <summary>Holds the store's writer lock, telling the user once if it has to wait for another writer.</summary>
    public static IDisposable Hold(string database, double waitSeconds, TextWriter stderr) =>
        WriterLock.Acquire(WriterLock.ForStore(database), database, TimeSpan.FromSeconds(waitSeconds),
            holder => stderr.WriteLine($"pipeline: another process{(holder is { } pid ? $" (pid {pid})" : "")} is writing {database}; waiting up to {waitSeconds:0.#} s"));
}
