using Microsoft.Data.Sqlite;

namespace Pipeline.Faults.Tests;

/// <summary>What a user would compare between two stores: documents, figures, facts and pages, row by row.</summary>
public static class Store
{
    private static readonly string[] Queries =
    [
        "SELECT url || title || published || COALESCE(board, '') || COALESCE(province, '') || length(text) || page_type FROM documents ORDER BY url",
        "SELECT d.url || f.ordinal || f.metric || f.measure || f.value || f.unit || COALESCE(f.period, '') || f.start FROM figures f JOIN documents d ON d.id = f.document_id ORDER BY d.url, f.ordinal",
        "SELECT key || reports || documents || conflict FROM facts ORDER BY key",
        "SELECT url || hash FROM pages ORDER BY url",
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Fingerprint(string database) => Queries.Select(q => Rows(database, q)).ToList();

    public static long Count(string database, string sql)
    {
        using var db = Open(database);
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Text(string database, string sql)
    {
        using var db = Open(database);
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>A count, or -1 while the file does not exist yet or is being created.</summary>
    public static long SafeCount(string database, string sql)
    {
        try
        {
            return File.Exists(database) ? Count(database, sql) : -1;
        }
        catch (SqliteException)
        {
            return -1;
        }
    }

    private static IReadOnlyList<string> Rows(string database, string sql)
    {
        using var db = Open(database);
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        }

        return rows;
    }

    private static SqliteConnection Open(string database)
    {
        var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        db.Open();
        return db;
    }
}
