using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;
using Pipeline.Search;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>The exit codes every command uses (docs/configuration.md lists them for users).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Some inputs could not be read; the others were processed.</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>A usage error: an unknown option, a bad value, a registry or configuration file with problems.</summary>
    public const int Usage = 2;

    /// <summary>A file or folder could not be opened or written: missing, read-only, permission denied, a file where a folder should be.</summary>
    public const int CannotAccess = 3;

    /// <summary>The disk is full.</summary>
    public const int NoSpace = 4;

    /// <summary>The store or the index is damaged, or is not a Pipeline store or index.</summary>
    public const int Damaged = 5;

    /// <summary>Another process is writing the same store or index.</summary>
    public const int Busy = 6;

    /// <summary>A bug in Pipeline itself (the message says how to see the details).</summary>
    public const int Internal = 70;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}

/// <summary>A known fault in the user's words, and the exit code that goes with it.</summary>
public sealed record Fault(int ExitCode, string Message);

/// <summary>Where the command was pointed, so a fault can name the file in question.</summary>
public sealed record FaultScene(string? Database, string? Index);

/// <summary>
/// Turns the everyday environment faults (a store that is not a database, a read-only folder, a full
/// disk, a damaged or busy index) into one line naming the file and what to do. Anything it does not
/// recognise is a bug, reported as such.
/// </summary>
public static class Faults
{
    public static Fault? Describe(Exception exception, FaultScene scene)
    {
        foreach (var e in Chain(exception))
        {
            if (Known(e, scene) is { } fault)
            {
                return fault;
            }
        }

        return null;
    }

    private static Fault? Known(Exception e, FaultScene scene)
    {
        var store = Name(scene.Database, "the store");
        var index = Name(scene.Index, "the index");
        return e switch
        {
            WriterBusyException busy => new Fault(ExitCodes.Busy, $"{busy.Message}; wait for it to finish, or pass --wait SECONDS"),
            IndexBusyException busy => new Fault(ExitCodes.Busy, $"{busy.Message}; wait for it to finish, or pass --wait SECONDS"),
            NotAnIndexException not => new Fault(ExitCodes.Damaged, $"{not.Message}; build one with `pipeline index` or `pipeline run`"),
            SqliteException s => Sqlite(s, store),
            LockObtainFailedException => new Fault(ExitCodes.Busy, $"{index} is being written by another process; wait until it ends (or pass --wait SECONDS where offered) and run again"),
            IndexFormatTooOldException or IndexFormatTooNewException => new Fault(ExitCodes.Damaged, $"{index} was written by another version of Lucene; remove the folder and rebuild it with `pipeline index --from-store`"),
            CorruptIndexException c => new Fault(ExitCodes.Damaged, $"{index} is damaged ({FirstLine(c.Message)}); remove the folder and rebuild it with `pipeline index --from-store` (the store keeps every document)"),
            IndexNotFoundException => new Fault(ExitCodes.Damaged, $"{index} is not a search index; build one with `pipeline index` or `pipeline run`"),
            EndOfStreamException when scene.Index is not null && e.Message.Contains(Path.GetFullPath(scene.Index), StringComparison.Ordinal) =>
                new Fault(ExitCodes.Damaged, $"{index} is damaged (a file ends early); remove the folder and rebuild it with `pipeline index --from-store`"),
            UnauthorizedAccessException => new Fault(ExitCodes.CannotAccess, $"permission denied: {FirstLine(e.Message)} Check the owner and mode of the file and its folder."),
            IOException io when IsDiskFull(io) => new Fault(ExitCodes.NoSpace, $"no space left on the device: {FirstLine(io.Message)}; free some space and run again (what was committed before is kept)"),
            IOException io when IsReadOnlyFileSystem(io) => new Fault(ExitCodes.CannotAccess, $"read-only file system: {FirstLine(io.Message)}; point --db/--index at a writable folder"),
            DirectoryNotFoundException or FileNotFoundException => new Fault(ExitCodes.CannotAccess, FirstLine(e.Message)),
            IOException io when io.Message.Contains("Not a directory", StringComparison.OrdinalIgnoreCase)
                                || io.Message.Contains("Is a directory", StringComparison.OrdinalIgnoreCase)
                                || io.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase) =>
                new Fault(ExitCodes.CannotAccess, $"{FirstLine(io.Message)}: a file stands where a folder is needed, or the reverse"),
            _ => null,
        };
    }

    // SQLite's primary result codes (https://sqlite.org/rescode.html); the extended code's low byte is the primary one.
    private static Fault? Sqlite(SqliteException s, string store) => (s.SqliteErrorCode & 0xFF) switch
    {
        5 or 6 => new Fault(ExitCodes.Busy, $"{store} is being written by another process; wait until it ends and run again"),
        8 => new Fault(ExitCodes.CannotAccess, $"{store} is read-only; the writer needs write access to the file and its folder (SQLite keeps -wal and -shm files beside it)"),
        3 or 23 => new Fault(ExitCodes.CannotAccess, $"{store}: permission denied; check the owner and mode of the file and its folder"),
        13 => new Fault(ExitCodes.NoSpace, $"no space left on the device holding {store}; free some space and run again (committed work is kept)"),
        14 => new Fault(ExitCodes.CannotAccess, $"{store} cannot be opened; check that its folder exists and is writable, and that it is a file"),
        11 => new Fault(ExitCodes.Damaged, $"{store} is damaged (SQLite: {s.Message.Split('\'').ElementAtOrDefault(1) ?? "database disk image is malformed"}); restore it from a copy, or move it away and run `pipeline run` to rebuild it"),
        26 => new Fault(ExitCodes.Damaged, $"{store} is not a Pipeline store (not an SQLite database); point --db at a store, or move the file away"),
        10 when s.Message.Contains("full", StringComparison.OrdinalIgnoreCase) => new Fault(ExitCodes.NoSpace, $"no space left on the device holding {store}; free some space and run again"),
        10 => new Fault(ExitCodes.CannotAccess, $"{store}: the disk refused a read or write (SQLite I/O error {s.SqliteExtendedErrorCode}); check the device and the folder's permissions"),
        _ => null,
    };

    private static bool IsDiskFull(IOException e) =>
        e.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027) or 0x70 or 0x27
        || e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("not enough space", StringComparison.OrdinalIgnoreCase);

    private static bool IsReadOnlyFileSystem(IOException e) =>
        e.HResult == 30 || e.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase);

    private static string Name(string? path, string what) => path is null ? what : $"{what} {path}";

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
