using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace Pipeline.Application.Export;

/// <summary>The export formats.</summary>
public enum ExportFormat
{
    Csv,
    Jsonl,
    Parquet,
}

/// <summary>Writes one table's rows to a stream in one format; the caller owns the stream.</summary>
public abstract class TableWriter(TableSchema table) : IDisposable
{
    protected TableSchema Table { get; } = table;

    private bool _disposed;

    public int Rows { get; private set; }

    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Jsonl => "jsonl",
        _ => "parquet",
    };

    public static TableWriter Create(ExportFormat format, TableSchema table, Stream output) => format switch
    {
        ExportFormat.Csv => new CsvTableWriter(table, output),
        ExportFormat.Jsonl => new JsonlTableWriter(table, output),
        _ => new ParquetTableWriter(table, output),
    };

    public void Add(object?[] row)
    {
        if (row.Length != Table.Columns.Count)
        {
            throw new ArgumentException($"a {Table.Name} row has {Table.Columns.Count} cells, not {row.Length}", nameof(row));
        }

        Write(row);
        Rows++;
    }

    /// <summary>Writes whatever is buffered and the format's trailer; the stream then holds the whole table.</summary>
    public abstract Task CompleteAsync(CancellationToken cancel);

    /// <summary>Releases the writer, once; a caller that also cleans up on failure may call it again.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Release();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract void Write(object?[] row);

    protected virtual void Release()
    {
    }
}

/// <summary>RFC 4180: a header line, CRLF line ends, UTF-8 with a BOM so spreadsheets read Vietnamese right.</summary>
public sealed class CsvTableWriter : TableWriter
{
    private readonly StreamWriter _out;

    public CsvTableWriter(TableSchema table, Stream output) : base(table)
    {
        _out = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        _out.Write(string.Join(',', table.Columns.Select(c => Field(c.Name))) + "\r\n");
    }

    /// <summary>RFC 4180: quote a field holding a comma, quote or line break; double its quotes.</summary>
    public static string Field(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        // A leading = + - @ makes spreadsheets run the cell as a formula; a quote mark keeps it text.
        var safe = field[0] is '=' or '+' or '@' ? "'" + field : field;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }

    /// <summary>A cell as CSV text: invariant numbers, true/false, empty for null.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        string s => Field(s),
        bool b => b ? "true" : "false",
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"no CSV form for {value.GetType().Name}", nameof(value)),
    };

    public override async Task CompleteAsync(CancellationToken cancel) => await _out.FlushAsync(cancel).ConfigureAwait(false);

    protected override void Release() => _out.Dispose();

    protected override void Write(object?[] row) => _out.Write(string.Join(',', row.Select(Cell)) + "\r\n");
}

/// <summary>One JSON object a line (LF), keys in column order, Vietnamese written as is, numbers as JSON numbers.</summary>
public sealed class JsonlTableWriter : TableWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _out;
    private readonly ArrayBufferWriter<byte> _line = new();

    public JsonlTableWriter(TableSchema table, Stream output) : base(table) => _out = output;

    public override async Task CompleteAsync(CancellationToken cancel) => await _out.FlushAsync(cancel).ConfigureAwait(false);

    protected override void Write(object?[] row)
    {
        _line.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_line, Options))
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                var name = Table.Columns[i].Name;
                switch (row[i])
                {
                    case null: json.WriteNull(name); break;
                    case string s: json.WriteString(name, s); break;
                    case bool b: json.WriteBoolean(name, b); break;
                    case int n: json.WriteNumber(name, n); break;
                    case long n: json.WriteNumber(name, n); break;
                    case decimal n: json.WriteNumber(name, n); break;
                    case double n: json.WriteNumber(name, n); break;
                    default: throw new ArgumentException($"no JSON form for {row[i]!.GetType().Name}", nameof(row));
                }
            }

            json.WriteEndObject();
        }

        _out.Write(_line.WrittenSpan);
        _out.WriteByte((byte)'\n');
    }
}

/// <summary>
/// Parquet with typed columns, one row group: rows are held until <see cref="CompleteAsync"/> because
/// Parquet writes a column at a time. value and value_max are decimal(38, 6).
/// </summary>
public sealed class ParquetTableWriter(TableSchema table, Stream output) : TableWriter(table)
{
    private readonly List<object?[]> _rows = [];

    /// <summary>The Parquet field of a column.</summary>
    public static DataField Field(Column column) => column.Type switch
    {
        ColumnType.Decimal => new DecimalDataField(column.Name, 38, ExportTables.Scale, forceByteArrayEncoding: true, isNullable: column.Nullable),
        ColumnType.String => new DataField(column.Name, typeof(string), isNullable: column.Nullable),
        ColumnType.Int32 => new DataField(column.Name, typeof(int), isNullable: column.Nullable),
        ColumnType.Int64 => new DataField(column.Name, typeof(long), isNullable: column.Nullable),
        ColumnType.Double => new DataField(column.Name, typeof(double), isNullable: column.Nullable),
        _ => new DataField(column.Name, typeof(bool), isNullable: column.Nullable),
    };

    public override async Task CompleteAsync(CancellationToken cancel)
    {
        var fields = Table.Columns.Select(Field).ToList();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, options, cancellationToken: cancel).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < fields.Count; i++)
        {
            var (field, column) = (fields[i], Table.Columns[i]);
            var task = column.Type switch
            {
                ColumnType.String => group.WriteAsync(field, _rows.Select(r => (string)r[i]!).ToArray()),
                ColumnType.Int32 => Values<int>(group, field, column, i, cancel),
                ColumnType.Int64 => Values<long>(group, field, column, i, cancel),
                ColumnType.Decimal => Values<decimal>(group, field, column, i, cancel),
                ColumnType.Double => Values<double>(group, field, column, i, cancel),
                _ => Values<bool>(group, field, column, i, cancel),
            };
            await task.ConfigureAwait(false);
        }
    }

    protected override void Write(object?[] row) => _rows.Add(row);

    private Task Values<T>(ParquetRowGroupWriter group, DataField field, Column column, int i, CancellationToken cancel) where T : struct =>
        column.Nullable
            ? group.WriteAsync<T>(field, _rows.Select(r => (T?)r[i]).ToArray(), cancellationToken: cancel)
            : group.WriteAsync<T>(field, _rows.Select(r => (T)r[i]!).ToArray(), cancellationToken: cancel);
}
