using System.Data.Common;
using System.Globalization;

namespace Pipeline.Core;

/// <summary>
/// Brings one owner's tables in the shared SQLite file up to date: each stage that owns tables (the
/// crawl, the reading stage) lists its schema as numbered steps, and the table schema_versions
/// records how many of each owner's steps have run. A newer database is refused rather than damaged.
/// </summary>
public static class SchemaSteps
{
    /// <summary>PRAGMA user_version of a file whose versions are kept per owner; a program from before the split refuses it as newer.</summary>
    public const int PerOwner = 100;

    /// <summary>
    /// Before the split, one list of steps made every table and PRAGMA user_version (1 to 4) counted them:
    /// step 1 made the crawl's tables, steps 2 to 4 the reading stage's. This is where each owner stood.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, Func<int, int>> Combined = new Dictionary<string, Func<int, int>>
    {
        ["crawl"] = v => Math.Min(v, 1),
        ["documents"] = v => Math.Max(0, v - 1),
    };

    /// <summary>Runs <paramref name="owner"/>'s steps not yet run, all in one transaction.</summary>
    /// <param name="connection">An open connection to the file.</param>
    /// <param name="owner">The tables' owner ("crawl", "documents").</param>
    /// <param name="steps">Its steps' SQL; append new steps, never edit old ones.</param>
    public static void Apply(DbConnection connection, string owner, IReadOnlyList<string> steps)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_versions (owner TEXT PRIMARY KEY, version INTEGER NOT NULL)");
        var file = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (file > PerOwner)
        {
            throw new InvalidOperationException($"the database is at schema version {file}, newer than this program ({PerOwner}); update Pipeline");
        }

        if (file is > 0 and < PerOwner)
        {
            // A file from before the split: record where every owner stands, once.
            foreach (var (name, from) in Combined)
            {
                Execute(connection, transaction, $"INSERT OR IGNORE INTO schema_versions (owner, version) VALUES ('{name}', {from(file)})");
            }
        }

        var version = Convert.ToInt32(Scalar(connection, transaction, $"SELECT COALESCE((SELECT version FROM schema_versions WHERE owner = '{owner}'), 0)"), CultureInfo.InvariantCulture);
        if (version > steps.Count)
        {
            throw new InvalidOperationException($"the database's {owner} tables are at schema version {version}, newer than this program ({steps.Count}); update Pipeline");
        }

        for (var step = version; step < steps.Count; step++)
        {
            Execute(connection, transaction, steps[step]);
        }

        Execute(connection, transaction, $"INSERT OR REPLACE INTO schema_versions (owner, version) VALUES ('{owner}', {steps.Count}); PRAGMA user_version = {PerOwner};");
        transaction.Commit();
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
