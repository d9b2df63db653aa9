using Pipeline.Crawling.Registry;

namespace Pipeline.Application;

/// <summary>
/// What the user gave cannot be used (a missing store, a bad registry, a bad date): the message says
/// what and what to do, in the user's words. A front end shows it as is (the CLI exits 2).
/// </summary>
public sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Loading the board registry, once for every use case that needs one.</summary>
public static class Registries
{
    /// <summary>The registry at <paramref name="path"/>; a missing, unreadable or invalid file is a <see cref="UsageException"/> naming it.</summary>
    public static SourceRegistry Load(string path)
    {
        try
        {
            return SourceRegistry.Load(path);
        }
        catch (Exception e) when (e is RegistryException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: {e.Message}", e);
        }
    }
}

/// <summary>Checks that a store exists before a use case reads it: opening would create an empty one.</summary>
public static class Stores
{
    /// <summary>Throws a <see cref="UsageException"/> saying what to run first when <paramref name="database"/> does not exist.</summary>
    public static void Require(string database, string runFirst = "`pipeline run`")
    {
        if (!File.Exists(database))
        {
            throw new UsageException($"{database}: no such database; run {runFirst} first");
        }
    }

    /// <summary>
    /// Holds the one-writer lock on <paramref name="database"/> for a use case that writes it (run, crawl,
    /// reprocess); waits up to <paramref name="wait"/> for another writer, telling <paramref name="waiting"/>
    /// once who holds it, then throws <see cref="Pipeline.Storage.WriterBusyException"/>. With
    /// <paramref name="existingOnly"/> (reprocess needs the store to exist) a missing store is left for the use
    /// case to report, and no folder or lock file is made for it.
    /// </summary>
    public static IDisposable HoldForWriting(string database, TimeSpan wait, Action<int?>? waiting = null, bool existingOnly = false) =>
        existingOnly && !File.Exists(database)
            ? NoLock.Instance
            : Pipeline.Storage.WriterLock.Acquire(Pipeline.Storage.WriterLock.ForStore(database), database, wait, waiting);

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
