using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Core;
using Pipeline.Storage;

namespace Pipeline.Application.Export;

/// <summary>The type a column holds in every format; the CLR type of its cells follows from it.</summary>
public enum ColumnType
{
    String,
    Int32,
    Int64,
    Decimal,
    Double,
    Bool,
}

/// <summary>One column of an exported table: its name, type and whether it may be empty.</summary>
public sealed record Column(string Name, ColumnType Type, bool Nullable = false);

/// <summary>A table's name (its file's stem) and columns, in the order every format writes them.</summary>
public sealed record TableSchema(string Name, IReadOnlyList<Column> Columns);

/// <summary>
/// The exported dataset: a figures table, a documents table and a tables table (every cell of every
/// table in the documents), with their rows built from stored documents. docs/dataset.md documents every column; columns are only ever appended, never renamed
/// or reordered, because scheduled loaders depend on their positions.
/// </summary>
public static class ExportTables
{
    /// <summary>Decimal places kept in value and value_max; Parquet stores them as decimal(38, 6).</summary>
    public const int Scale = 6;

    public static readonly TableSchema Figures = new("figures",
    [
        new("figure_id", ColumnType.String),
        new("document_id", ColumnType.Int64),
        new("ordinal", ColumnType.Int32),
        new("url", ColumnType.String),
        new("site", ColumnType.String),
        new("province", ColumnType.String, Nullable: true),
        new("board", ColumnType.String, Nullable: true),
        new("published", ColumnType.String, Nullable: true),
        new("title", ColumnType.String, Nullable: true),
        new("metric", ColumnType.String),
        new("measure", ColumnType.String),
        new("value", ColumnType.Decimal),
        new("value_max", ColumnType.Decimal, Nullable: true),
        new("unit", ColumnType.String),
        new("approx", ColumnType.String),
        new("estimate", ColumnType.Bool),
        new("target", ColumnType.Bool),
        new("scope", ColumnType.String, Nullable: true),
        new("period", ColumnType.String, Nullable: true),
        new("confidence", ColumnType.Double),
        new("rule", ColumnType.String),
        new("text", ColumnType.String),
        new("sentence", ColumnType.String),
        new("start", ColumnType.Int32),
        new("end", ColumnType.Int32),
        new("fetched_at", ColumnType.String),
        new("page_hash", ColumnType.String),
        new("extractor_version", ColumnType.String),
        new("flags", ColumnType.String, Nullable: true),
        new("fact_key", ColumnType.String, Nullable: true),
        new("subject", ColumnType.String, Nullable: true),
    ]);

    public static readonly TableSchema Documents = new("documents",
    [
        new("document_id", ColumnType.Int64),
        new("url", ColumnType.String),
        new("site", ColumnType.String),
        new("province", ColumnType.String, Nullable: true),
        new("board", ColumnType.String, Nullable: true),
        new("title", ColumnType.String, Nullable: true),
        new("published", ColumnType.String, Nullable: true),
        new("published_from", ColumnType.String, Nullable: true),
        new("author", ColumnType.String, Nullable: true),
        new("period", ColumnType.String, Nullable: true),
        new("figure_count", ColumnType.Int32),
        new("attachments", ColumnType.String),
        new("fetched_at", ColumnType.String),
        new("page_hash", ColumnType.String),
        new("extractor_version", ColumnType.String),
        new("processed_at", ColumnType.String),
        new("text", ColumnType.String),
        new("page_type", ColumnType.String, Nullable: true),
        new("page_type_score", ColumnType.Double, Nullable: true),
    ]);

    public static readonly TableSchema Tables = new("tables",
    [
        new("document_id", ColumnType.Int64),
        new("url", ColumnType.String),
        new("table", ColumnType.Int32),
        new("row", ColumnType.Int32),
        new("column", ColumnType.Int32),
        new("kind", ColumnType.String),
        new("header_path", ColumnType.String, Nullable: true),
        new("row_header", ColumnType.String, Nullable: true),
        new("text", ColumnType.String),
        new("start", ColumnType.Int32),
        new("end", ColumnType.Int32),
    ]);

    /// <summary>A document's figures as rows of <see cref="Figures"/>, in ordinal order.</summary>
    public static IEnumerable<object?[]> FigureRows(StoredDocument d) => d.Figures.Select((f, ordinal) => FigureRow(d, ordinal, f));

    /// <summary>One figure of a document as a row of <see cref="Figures"/> (the figures page downloads a selection this way).</summary>
    public static object?[] FigureRow(StoredDocument d, int ordinal, Figure f) => new object?[]
    {
        FigureId(d.Id, ordinal), d.Id, ordinal, d.Url, d.Site, d.Province, d.Board, d.Published, d.Title,
        Names.Of(f.Metric), Names.Of(f.Measure), Round(f.Value), f.ValueMax is { } max ? Round(max) : null, f.Unit,
        Names.Of(f.Approx), f.Estimate, f.Target, f.Scope is { } scope ? Names.Of(scope) : null, f.Period,
        f.Confidence, f.Rule, f.Text, f.Sentence, f.Start, f.End,
        Stamp(d.FetchedAt), d.PageHash, d.ExtractorVersion,
        f.Flags is { Count: > 0 } flags ? System.Text.Json.JsonSerializer.Serialize(flags, FigureJson.Options) : null,
        FactKey.Of(d.Province, f), f.Subject,
    };

    /// <summary>A document's table cells as rows of <see cref="Tables"/>, table by table, row by row (read with <c>tables: true</c>).</summary>
    public static IEnumerable<object?[]> TableRows(StoredDocument d) => d.Tables.Select(c => new object?[]
    {
        d.Id, d.Url, c.Table, c.Row, c.Column, c.Kind, c.HeaderPath, c.RowHeader, c.Text, c.Start, c.End,
    });

    /// <summary>A document as a row of <see cref="Documents"/>.</summary>
    public static object?[] DocumentRow(StoredDocument d) =>
    [
        d.Id, d.Url, d.Site, d.Province, d.Board, d.Title, d.Published, d.PublishedFrom, d.Author, d.Period,
        d.Figures.Count, JsonSerializer.Serialize(d.Attachments, WireJson.Stored),
        Stamp(d.FetchedAt), d.PageHash, d.ExtractorVersion, Stamp(d.ProcessedAt), d.Text,
        d.PageType, d.PageTypeScore,
    ];

    /// <summary>"document_id-ordinal": unique, and stable while the document's page and extractor stay the same.</summary>
    public static string FigureId(long documentId, int ordinal) =>
        string.Create(CultureInfo.InvariantCulture, $"{documentId}-{ordinal}");

    /// <summary>ISO 8601 in UTC to the millisecond, the precision the store keeps.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // Every format carries the same number: Parquet's decimal(38, 6) cannot hold more places.
    private static decimal Round(decimal value) => decimal.Round(value, Scale, MidpointRounding.ToEven);
}
