using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Pipeline.TestSupport;

/// <summary>Reads a store's tables as a test checks them: straight SQL, outside the stores' own methods.</summary>
public static class Sql
{
    /// <summary>The first column of every row of <paramref name="sql"/> in the database at <paramref name="database"/>, as invariant text.</summary>
    public static List<string> Rows(string database, string sql)
    {
        using var db = new SqliteConnection($"Data Source={database};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return rows;
    }
}
