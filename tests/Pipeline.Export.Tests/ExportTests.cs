using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parquet;
using Parquet.Schema;
using Pipeline.Application.Export;

namespace Pipeline.Export.Tests;

public sealed partial class ExportTests : IDisposable
{
    private readonly Fixture _db = new();

    public void Dispose() => _db.Dispose();

    private static IEnumerable<(TableSchema Table, List<object?[]> Rows)> Expected(Func<Pipeline.Storage.StoredDocument, bool>? keep = null)
    {
        var documents = Fixture.Documents.Select((d, i) => d with { Id = i + 1 }).Where(keep ?? (_ => true)).ToList();
        yield return (ExportTables.Figures, documents.SelectMany(ExportTables.FigureRows).ToList());
        yield return (ExportTables.Documents, documents.Select(ExportTables.DocumentRow).ToList());
        yield return (ExportTables.Tables, documents.SelectMany(ExportTables.TableRows).ToList());
    }

    [Fact]
    public void EveryRowMatchesItsColumnsTypesAndNullability()
    {
        foreach (var (table, rows) in Expected())
        {
            Assert.Equal(table.Columns.Count, table.Columns.Select(c => c.Name).Distinct().Count());
            foreach (var row in rows)
            {
                Assert.Equal(table.Columns.Count, row.Length);
                foreach (var (column, cell) in table.Columns.Zip(row))
                {
                    if (cell is null)
                    {
                        Assert.True(column.Nullable, $"{table.Name}.{column.Name} is null");
                        continue;
                    }

                    var type = column.Type switch
                    {
                        ColumnType.String => typeof(string),
                        ColumnType.Int32 => typeof(int),
                        ColumnType.Int64 => typeof(long),
                        ColumnType.Decimal => typeof(decimal),
                        ColumnType.Double => typeof(double),
                        _ => typeof(bool),
                    };
                    Assert.IsType(type, cell);
                }
            }
        }
    }

    [Fact]
    public void TheDocsListEveryColumnInOrderWithItsType()
    {
        var doc = Fixture.DatasetDoc();
        foreach (var table in new[] { ExportTables.Figures, ExportTables.Documents, ExportTables.Tables })
        {
            // The table under "## The <name> table": rows of | `column` | type | ...
            var section = doc[doc.IndexOf($"## The {table.Name} table", StringComparison.Ordinal)..];
            section = section[..(section.IndexOf("\n## ", 3, StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];
            var documented = DocRow().Matches(section).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim())).ToList();
            Assert.Equal(table.Columns.Select(c => (c.Name, TypeName(c))), documented);
        }

        static string TypeName(Column c) => c.Type switch
        {
            ColumnType.String => "string",
            ColumnType.Int32 => "int32",
            ColumnType.Int64 => "int64",
            ColumnType.Decimal => "decimal(38,6)",
            ColumnType.Double => "double",
            _ => "bool",
        } + (c.Nullable ? "?" : "");
    }

    [Fact]
    public async Task CsvIsRfc4180WithABomAndReadsBackCellForCell()
    {
        var (code, output, err) = await _db.Export("csv", _db.Out("csv"));
        Assert.True(err.Length == 0, err);

        Assert.Equal(0, code);
        Assert.Contains("figures    7 rows", output, StringComparison.Ordinal);
        Assert.Contains("documents  3 rows", output, StringComparison.Ordinal);
        Assert.Contains("tables     6 rows", output, StringComparison.Ordinal);
        foreach (var (table, rows) in Expected())
        {
            var bytes = File.ReadAllBytes(Path.Combine(_db.Out("csv"), table.Name + ".csv"));
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var text = Encoding.UTF8.GetString(bytes[3..]);
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            var records = ReadCsv(text);
            Assert.Equal(table.Columns.Select(c => c.Name), records[0]);
            Assert.Equal(rows.Count, records.Count - 1);
            foreach (var (row, record) in rows.Zip(records.Skip(1)))
            {
                Assert.Equal(row.Select(Plain), record);
            }
        }

        var figures = ReadCsv(File.ReadAllText(Path.Combine(_db.Out("csv"), "figures.csv"), Encoding.UTF8));
        var column = (string name) => Array.IndexOf(figures[0], name);
        Assert.Equal(Fixture.Sentence, figures[1][column("sentence")]);
        Assert.Equal("Bình Dương", figures[1][column("province")]);
        Assert.Equal("2599500000000", figures[2][column("value")]);
        Assert.Equal("-38333", figures[4][column("value")]);
        Assert.Equal("", figures[4][column("value_max")]);
        Assert.Equal("3", figures[5][column("value_max")]);
        Assert.Equal("999999999999999.123456", figures[6][column("value")]);
        Assert.Equal("0.97", figures[1][column("confidence")]);
        Assert.Equal("true", figures[2][column("estimate")]);
        Assert.Equal("'=98,52%", figures[7][column("text")]);
        Assert.Equal("1-0", figures[1][column("figure_id")]);
    }

    [Fact]
    public async Task JsonlHasOneObjectALineWithColumnsInOrderAndNumbersAsNumbers()
    {
        var (code, _, _) = await _db.Export("jsonl", _db.Out("jsonl"));

        Assert.Equal(0, code);
        foreach (var (table, rows) in Expected())
        {
            var text = File.ReadAllText(Path.Combine(_db.Out("jsonl"), table.Name + ".jsonl"), Encoding.UTF8);
            Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
            var lines = text.Split('\n');
            Assert.Equal("", lines[^1]);
            Assert.Equal(rows.Count, lines.Length - 1);
            foreach (var (row, line) in rows.Zip(lines))
            {
                using var json = JsonDocument.Parse(line);
                var properties = json.RootElement.EnumerateObject().ToList();
                Assert.Equal(table.Columns.Select(c => c.Name), properties.Select(p => p.Name));
                foreach (var (cell, property) in row.Zip(properties))
                {
                    object? read = property.Value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.True or JsonValueKind.False => property.Value.GetBoolean(),
                        JsonValueKind.Number => cell switch
                        {
                            int => property.Value.GetInt32(),
                            long => property.Value.GetInt64(),
                            double => property.Value.GetDouble(),
                            _ => property.Value.GetDecimal(),
                        },
                        _ => throw new InvalidDataException(property.Value.GetRawText()),
                    };
                    Assert.Equal(cell, read);
                }
            }
        }

        var first = File.ReadLines(Path.Combine(_db.Out("jsonl"), "documents.jsonl")).First();
        Assert.Contains("\"province\":\"Bình Dương\"", first, StringComparison.Ordinal);
        Assert.Contains("\"attachments\":\"[{\\\"url\\\":\\\"http://bqlkcn.binhduong.gov.vn/bao-cao.pdf\\\",\\\"text\\\":\\\"Báo cáo \\\\\\\"sơ kết\\\\\\\"\\\"}]\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParquetHasTypedColumnsAndReadsBackValueForValue()
    {
        var (code, _, _) = await _db.Export("parquet", _db.Out("parquet"));

        Assert.Equal(0, code);
        foreach (var (table, rows) in Expected())
        {
            await using var reader = await ParquetReader.CreateAsync(Path.Combine(_db.Out("parquet"), table.Name + ".parquet"));
            var fields = reader.Schema.GetDataFields();
            Assert.Equal(table.Columns.Select(c => c.Name), fields.Select(f => f.Name));
            Assert.Equal(table.Columns.Select(c => c.Nullable), fields.Select(f => f.IsNullable));
            Assert.Equal(1, reader.RowGroupCount);
            using var group = reader.OpenRowGroupReader(0);
            Assert.Equal(rows.Count, group.RowCount);
            for (var i = 0; i < fields.Length; i++)
            {
                var column = table.Columns[i];
                if (column.Type == ColumnType.Decimal)
                {
                    var decimalField = Assert.IsType<DecimalDataField>(fields[i]);
                    Assert.Equal((38, 6), (decimalField.Precision, decimalField.Scale));
                }

                var values = await ReadColumn(group, fields[i], column, rows.Count);
                Assert.Equal(rows.Select(r => r[i]), values);
            }
        }
    }

    [Fact]
    public async Task PageTypeComesFromTheStoreAndEndsTheDocumentsTable()
    {
        Assert.Equal(["page_type", "page_type_score"], ExportTables.Documents.Columns.TakeLast(2).Select(c => c.Name));

        Assert.Equal(0, (await _db.Export("jsonl", _db.Out("types"))).Code);

        var documents = File.ReadLines(Path.Combine(_db.Out("types"), "documents.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["report", "event", null], documents.Select(d => d.GetProperty("page_type").GetString()));
        Assert.Equal(0.5625, documents[1].GetProperty("page_type_score").GetDouble());
        Assert.Equal(JsonValueKind.Null, documents[2].GetProperty("page_type_score").ValueKind);
    }

    [Fact]
    public async Task SubjectIsAppendedToTheFiguresTableAndTheOthersKeepTheirPlaces()
    {
        // The columns as data teams load them since the first export; subject comes after all of them.
        string[] before =
        [
            "figure_id", "document_id", "ordinal", "url", "site", "province", "board", "published", "title", "metric", "measure", "value",
            "value_max", "unit", "approx", "estimate", "target", "scope", "period", "confidence", "rule", "text", "sentence", "start", "end",
            "fetched_at", "page_hash", "extractor_version", "flags", "fact_key",
        ];
        Assert.Equal([.. before, "subject"], ExportTables.Figures.Columns.Select(c => c.Name));

        Assert.Equal(0, (await _db.Export("jsonl", _db.Out("subject"))).Code);

        var figures = File.ReadLines(Path.Combine(_db.Out("subject"), "figures.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var zone = Assert.Single(figures, f => f.GetProperty("subject").ValueKind != JsonValueKind.Null);
        Assert.Equal(("KCN Hòa Khánh", "2-1"), (zone.GetProperty("subject").GetString(), zone.GetProperty("figure_id").GetString()));
        Assert.Equal(6, figures.Count(f => f.GetProperty("subject").ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task TheTablesTableKeepsEachCellWithItsPlaceHeadersAndOffsets()
    {
        Assert.Equal(0, (await _db.Export("csv", _db.Out("cells"))).Code);

        var rows = ReadCsv(File.ReadAllText(Path.Combine(_db.Out("cells"), "tables.csv"), Encoding.UTF8));
        Assert.Equal(["document_id", "url", "table", "row", "column", "kind", "header_path", "row_header", "text", "start", "end"], rows[0]);
        Assert.Equal(
            ["2", "https://dhz.danang.gov.vn/tong-ket-2020", "1", "3", "2", "row", "Năm 2020 › Số dự án", "KCN Hòa Khánh", "2-3", "84", "87"],
            rows[5]);
        Assert.Equal(["header", "header", "section", "row", "row", "row"], rows.Skip(1).Select(r => r[5]));
        Assert.Equal("'=1", rows[6][8]); // a cell is text: no formula in a spreadsheet
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("parquet")]
    public async Task TheSameDatabaseGivesTheSameBytesAndNoTemporaryFilesRemain(string format)
    {
        Assert.Equal(0, (await _db.Export(format, _db.Out("a"))).Code);
        Assert.Equal(0, (await _db.Export(format, _db.Out("b"))).Code);
        Assert.Equal(0, (await _db.Export(format, _db.Out("b"))).Code);

        foreach (var name in new[] { "figures", "documents", "tables" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_db.Out("a"), $"{name}.{format}")), File.ReadAllBytes(Path.Combine(_db.Out("b"), $"{name}.{format}")));
        }

        Assert.Equal(["documents." + format, "figures." + format, "tables." + format], Directory.GetFiles(_db.Out("b")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SinceAndProvinceKeepOnlyMatchingDocumentsAndTheirFigures()
    {
        Assert.Equal(0, (await _db.Export("jsonl", _db.Out("since"), since: "2021-01-01")).Code);
        Assert.Equal(0, (await _db.Export("jsonl", _db.Out("province"), province: "Đà Nẵng")).Code);
        Assert.Equal(0, (await _db.Export("jsonl", _db.Out("none"), since: "2021-01-01", province: "Đà Nẵng")).Code);

        Assert.Equal([1, 1, 1], DocumentIds("since", "figures"));
        Assert.Equal([1], DocumentIds("since", "documents"));
        Assert.Equal([2, 2, 2, 2], DocumentIds("province", "figures"));
        Assert.Equal([2], DocumentIds("province", "documents"));
        Assert.Empty(DocumentIds("none", "figures"));
        Assert.Empty(DocumentIds("since", "tables"));
        Assert.Equal([2, 2, 2, 2, 2, 2], DocumentIds("province", "tables"));
        Assert.Empty(DocumentIds("none", "documents"));

        List<long> DocumentIds(string folder, string table) => File.ReadLines(Path.Combine(_db.Out(folder), table + ".jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("document_id").GetInt64()).ToList();
    }

    [Theory]
    [InlineData("da nang")]
    [InlineData("Đà Nẵng")]
    [InlineData("DA NANG")]
    public async Task ProvinceIsMatchedInAnySpelling(string typed)
    {
        Assert.Equal(0, (await _db.Export("jsonl", _db.Out("spelled"), province: typed)).Code);

        var ids = File.ReadLines(Path.Combine(_db.Out("spelled"), "documents.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("document_id").GetInt64());
        Assert.Equal([2], ids);
    }

    [Fact]
    public async Task AnUnknownProvinceIsAUsageErrorNotAnEmptyExport()
    {
        var (code, _, error) = await _db.Export("jsonl", _db.Out("typo"), province: "Đà Nẵg");

        Assert.Equal(2, code);
        Assert.Contains("unknown province 'Đà Nẵg'", error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'Đà Nẵng'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_db.Out("typo")) && Directory.EnumerateFiles(_db.Out("typo")).Any());
    }

    [Fact]
    public async Task JsonSummarySaysWhereEachTableWent()
    {
        var (code, output, _) = await _db.Export("parquet", _db.Out("j"), json: true);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal([("figures", 7), ("documents", 3), ("tables", 6)], json.RootElement.EnumerateArray().Select(t => (t.GetProperty("table").GetString(), t.GetProperty("rows").GetInt32())));
    }

    [Theory]
    [InlineData("xlsx", "out", null, null, "--format wants csv, jsonl or parquet")]
    [InlineData("csv", null, null, null, "give --out DIR")]
    [InlineData("csv", "out", "30/06/2023", null, "--since wants a date as yyyy-MM-dd")]
    [InlineData("csv", "out", null, "missing.db", "no such database")]
    [InlineData("csv", "pipeline.db/out", null, null, "cannot write there")]
    public async Task BadArgumentsExitWithTwoAndSayWhy(string format, string? folder, string? since, string? database, string message)
    {
        var (code, output, error) = await _db.Export(format, folder is null ? null : _db.Out(folder), since, database: database is null ? null : _db.Out(database));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(_db.Out("missing.db")));
    }

    [Fact]
    public async Task AFailedExportLeavesThePreviousFilesAlone()
    {
        Assert.Equal(0, (await _db.Export("csv", _db.Out("keep"))).Code);
        var before = File.ReadAllBytes(Path.Combine(_db.Out("keep"), "figures.csv"));
        File.WriteAllText(_db.Out("broken.db"), "not a database, but long enough to be read as a header by SQLite itself.");

        // Not a database: the store's fault reaches the CLI's top-level handler (exit 5, tests/Pipeline.Faults.Tests), and nothing is written.
        var fault = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => _db.Export("csv", _db.Out("keep"), database: _db.Out("broken.db")));
        Assert.Equal(26, fault.SqliteErrorCode); // SQLITE_NOTADB
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_db.Out("keep"), "figures.csv")));
        Assert.Equal(3, Directory.GetFiles(_db.Out("keep")).Length);
    }

    /// <summary>A cell as a CSV reader gives it back: the text, with Output.Csv's formula guard.</summary>
    private static string Plain(object? cell) => cell switch
    {
        null => "",
        string s when s.Length > 0 && s[0] is '=' or '+' or '@' => "'" + s,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException(cell.GetType().Name),
    };

    /// <summary>RFC 4180, written here apart from the exporter: CRLF records, quoted fields may hold commas, quotes and line breaks.</summary>
    private static List<string[]> ReadCsv(string text)
    {
        var records = new List<string[]>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
            }
            else if (text[i] == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add([.. record]);
                record.Clear();
                i += 2;
            }
            else
            {
                Assert.NotEqual('"', text[i]);
                Assert.NotEqual('\n', text[i]);
                field.Append(text[i++]);
            }
        }

        Assert.Empty(record);
        return records;
    }

    private static async Task<object?[]> ReadColumn(ParquetRowGroupReader group, DataField field, Column column, int count)
    {
        switch (column.Type)
        {
            case ColumnType.String:
                var strings = new string?[count];
                await group.ReadAsync(field, strings.AsMemory());
                return strings;
            case ColumnType.Int32: return await Values<int>();
            case ColumnType.Int64: return await Values<long>();
            case ColumnType.Decimal: return await Values<decimal>();
            case ColumnType.Double: return await Values<double>();
            default: return await Values<bool>();
        }

        async Task<object?[]> Values<T>() where T : struct
        {
            if (column.Nullable)
            {
                var nullable = new T?[count];
                await group.ReadAsync<T>(field, nullable.AsMemory());
                return nullable.Select(v => v is { } x ? (object?)x : null).ToArray();
            }

            var values = new T[count];
            await group.ReadAsync<T>(field, values.AsMemory());
            return values.Select(v => (object?)v).ToArray();
        }
    }

    [GeneratedRegex(@"^\| `([a-z_]+)` \| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex DocRow();
}
