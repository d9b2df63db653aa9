using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Core;

namespace Pipeline.Storage;

/// <summary>
/// Which figures to read: each set filter must hold; null means any. Names are the store's (FIGURES.md)
/// spellings; the caller resolves what a user typed first.
/// </summary>
public sealed record FigureFilter
{
    /// <summary>The document's province, as stored.</summary>
    public string? Province { get; init; }

    /// <summary>Documents published in or after this year.</summary>
    public int? FromYear { get; init; }

    /// <summary>Documents published in or before this year.</summary>
    public int? ToYear { get; init; }

    /// <summary>The document's page type (report, project, …).</summary>
    public string? PageType { get; init; }

    public string? Metric { get; init; }

    public string? Measure { get; init; }

    /// <summary>fdi, domestic, or <see cref="NoScope"/> for figures with no scope.</summary>
    public string? Scope { get; init; }

    /// <summary>The figure's period exactly as stored (2023, 2023-H1, ..2023-06).</summary>
    public string? Period { get; init; }

    /// <summary>The lowest value, in base units.</summary>
    public decimal? Min { get; init; }

    /// <summary>The highest value, in base units.</summary>
    public decimal? Max { get; init; }

    public string? Unit { get; init; }

    /// <summary>Only the figures linked as this fact (<see cref="FactKey"/>).</summary>
    public string? Fact { get; init; }

    /// <summary>The scope filter value that means "no scope" (a total, neither FDI nor domestic).</summary>
    public const string NoScope = "none";
}

/// <summary>The columns figures can be listed by.</summary>
public enum FigureSort
{
    Published,
    Value,
    Metric,
    Measure,
    Unit,
    Period,
    Scope,
    Province,
    Document,
}

/// <summary>A figure as stored, with its document's metadata (the document's text and other figures are not loaded) and its ordinal in that document.</summary>
public sealed record StoredFigure(StoredDocument Document, int Ordinal, Figure Figure, string? FactKey);

/// <summary>Which facts to read; null means any.</summary>
public sealed record FactFilter
{
    /// <summary>Any of these provinces; empty for every province.</summary>
    public IReadOnlyList<string> Provinces { get; init; } = [];

    public string? Metric { get; init; }

    public string? Measure { get; init; }

    /// <summary>fdi, domestic, or <see cref="FigureFilter.NoScope"/>.</summary>
    public string? Scope { get; init; }

    public string? Unit { get; init; }

    /// <summary>The period exactly as stored.</summary>
    public string? Period { get; init; }

    /// <summary>Periods starting in or after this year (a cumulative "..2023-06" has no start and is left out).</summary>
    public int? FromYear { get; init; }

    /// <summary>Periods starting in or before this year (a cumulative "..2023-06" has no start and is left out).</summary>
    public int? ToYear { get; init; }

    /// <summary>true: goals and plans only; false: results only; null: both.</summary>
    public bool? Target { get; init; }

    /// <summary>
    /// One zone's, company's or project's facts (folded comparison is the caller's); null for the province's own
    /// totals, the default, so a chart never mixes a zone's figure with the province's.
    /// </summary>
    public string? Subject { get; init; }
}

/// <summary>
/// A fact: one thing measured for a province and period, as every document reporting it says it.
/// <see cref="Value"/> is the value it stands for: the largest reported, because one document's several
/// values under one key are mostly a total and its parts; <see cref="Conflict"/> says the documents disagree.
/// </summary>
public sealed record StoredFact(
    string Key,
    string Province,
    string Metric,
    string Measure,
    string? Scope,
    string Period,
    bool Target,
    string Unit,
    decimal ValueMin,
    decimal ValueMax,
    int Reports,
    int Documents,
    bool Conflict)
{
    public decimal Value => ValueMax;
}

/// <summary>Read-only queries over figures and facts, for the figures and charts pages and their API.</summary>
public sealed partial class DocumentStore
{
    // The document's fields as DocumentRow reads them (its text, attachments and warnings left empty: a list of
    // figures never needs them), the figure's ordinal, the figure (FigureFields) and its fact key.
    private static readonly string FigureColumns =
        "d.id, d.url, d.site, d.page_hash, d.fetched_at, d.extractor_version, d.processed_at, d.title, d.published, d.published_from, d.author, " +
        "d.board, d.province, d.period, '' AS text, '[]' AS attachments, '[]' AS warnings, d.page_type, d.page_type_score, " +
        "f.ordinal, " + FigureFields("f.") + ", f.fact_key";

    private const string FigureWhere =
        """
        WHERE ($province IS NULL OR d.province = $province)
          AND ($from IS NULL OR d.published >= $from)
          AND ($to IS NULL OR d.published < $to)
          AND ($type IS NULL OR d.page_type = $type)
          AND ($metric IS NULL OR f.metric = $metric)
          AND ($measure IS NULL OR f.measure = $measure)
          AND ($scope IS NULL OR COALESCE(f.scope, 'none') = $scope)
          AND ($period IS NULL OR f.period = $period)
          AND ($unit IS NULL OR f.unit = $unit)
          AND ($min IS NULL OR CAST(f.value AS REAL) >= $min)
          AND ($max IS NULL OR CAST(f.value AS REAL) <= $max)
          AND ($fact IS NULL OR f.fact_key = $fact)
        """;

    /// <summary>How many figures match <paramref name="filter"/>.</summary>
    public int CountFigures(FigureFilter filter)
    {
        using var select = Command($"SELECT COUNT(*) FROM figures f JOIN documents d ON d.id = f.document_id {FigureWhere}");
        Bind(select, filter);
        return Convert.ToInt32(select.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The figures matching <paramref name="filter"/> in the order asked (ties: latest document first, then
    /// the document's own order), skipping <paramref name="offset"/>, at most <paramref name="limit"/>
    /// (null: all, read as they are enumerated).
    /// </summary>
    public IEnumerable<StoredFigure> FindFigures(FigureFilter filter, FigureSort sort, bool descending, int offset = 0, int? limit = null)
    {
        var direction = descending ? "DESC" : "ASC";
        var column = sort switch
        {
            FigureSort.Published => "d.published",
            FigureSort.Value => "CAST(f.value AS REAL)",
            FigureSort.Metric => "f.metric",
            FigureSort.Measure => "f.measure",
            FigureSort.Unit => "f.unit",
            FigureSort.Period => "f.period",
            FigureSort.Scope => "f.scope",
            FigureSort.Province => "d.province",
            FigureSort.Document => "d.title",
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };
        using var select = Command(
            $"""
            SELECT {FigureColumns}
            FROM figures f JOIN documents d ON d.id = f.document_id
            {FigureWhere}
            ORDER BY {column} {direction}, d.published DESC, d.id, f.ordinal
            LIMIT $limit OFFSET $offset
            """);
        Bind(select, filter);
        select.Parameters.AddWithValue("$limit", limit ?? -1);
        select.Parameters.AddWithValue("$offset", offset);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadStoredFigure(reader);
        }
    }

    /// <summary>The distinct values of a figure or document column present in the store (for a filter's choices), in order.</summary>
    public IReadOnlyList<string> Distinct(FigureColumn column)
    {
        var sql = column switch
        {
            FigureColumn.Province => "SELECT DISTINCT province FROM documents WHERE province IS NOT NULL ORDER BY 1",
            FigureColumn.Year => "SELECT DISTINCT substr(published, 1, 4) FROM documents WHERE published IS NOT NULL ORDER BY 1",
            FigureColumn.PageType => "SELECT DISTINCT page_type FROM documents WHERE page_type IS NOT NULL ORDER BY 1",
            FigureColumn.Metric => "SELECT DISTINCT metric FROM figures ORDER BY 1",
            FigureColumn.Unit => "SELECT DISTINCT unit FROM figures ORDER BY 1",
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        using var select = Command(sql);
        using var reader = select.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>The facts matching <paramref name="filter"/>, by province, period and key.</summary>
    public IReadOnlyList<StoredFact> Facts(FactFilter filter)
    {
        var provinces = string.Join(", ", filter.Provinces.Select((_, i) => "$p" + i));
        using var select = Command(
            $"""
            SELECT key, province, metric, measure, scope, period, target, unit, value_min, value_max, reports, documents, conflict
            FROM facts
            WHERE ({(filter.Provinces.Count == 0 ? "1" : $"province IN ({provinces})")})
              AND ($metric IS NULL OR metric = $metric)
              AND ($measure IS NULL OR measure = $measure)
              AND ($scope IS NULL OR COALESCE(scope, 'none') = $scope)
              AND ($unit IS NULL OR unit = $unit)
              AND ($period IS NULL OR period = $period)
              AND ($from IS NULL OR (period GLOB '[0-9][0-9][0-9][0-9]*' AND substr(period, 1, 4) >= $from))
              AND ($to IS NULL OR (period GLOB '[0-9][0-9][0-9][0-9]*' AND substr(period, 1, 4) <= $to))
              AND ($target IS NULL OR target = $target)
              AND (($subject IS NULL AND subject IS NULL) OR subject = $subject)
            ORDER BY province, period, key
            """);
        for (var i = 0; i < filter.Provinces.Count; i++)
        {
            select.Parameters.AddWithValue("$p" + i, filter.Provinces[i]);
        }

        select.Parameters.AddWithValue("$metric", (object?)filter.Metric ?? DBNull.Value);
        select.Parameters.AddWithValue("$measure", (object?)filter.Measure ?? DBNull.Value);
        select.Parameters.AddWithValue("$scope", (object?)filter.Scope ?? DBNull.Value);
        select.Parameters.AddWithValue("$unit", (object?)filter.Unit ?? DBNull.Value);
        select.Parameters.AddWithValue("$period", (object?)filter.Period ?? DBNull.Value);
        select.Parameters.AddWithValue("$from", (object?)Year(filter.FromYear) ?? DBNull.Value);
        select.Parameters.AddWithValue("$to", (object?)Year(filter.ToYear) ?? DBNull.Value);
        select.Parameters.AddWithValue("$target", filter.Target is { } target ? (target ? 1 : 0) : DBNull.Value);
        select.Parameters.AddWithValue("$subject", (object?)filter.Subject ?? DBNull.Value);
        using var reader = select.ExecuteReader();
        var facts = new List<StoredFact>();
        while (reader.Read())
        {
            facts.Add(new StoredFact(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                Text(reader, 4),
                reader.GetString(5),
                reader.GetBoolean(6),
                reader.GetString(7),
                Number(reader.GetString(8)),
                Number(reader.GetString(9)),
                reader.GetInt32(10),
                reader.GetInt32(11),
                reader.GetBoolean(12)));
        }

        return facts;
    }

    private static void Bind(SqliteCommand command, FigureFilter filter)
    {
        command.Parameters.AddWithValue("$province", (object?)filter.Province ?? DBNull.Value);

        // published is "yyyy-MM-dd", so a year compares as text: from 2020 is ">= '2020'", to 2021 is "< '2022'".
        command.Parameters.AddWithValue("$from", (object?)Year(filter.FromYear) ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)Year(filter.ToYear + 1) ?? DBNull.Value);
        command.Parameters.AddWithValue("$type", (object?)filter.PageType ?? DBNull.Value);
        command.Parameters.AddWithValue("$metric", (object?)filter.Metric ?? DBNull.Value);
        command.Parameters.AddWithValue("$measure", (object?)filter.Measure ?? DBNull.Value);
        command.Parameters.AddWithValue("$scope", (object?)filter.Scope ?? DBNull.Value);
        command.Parameters.AddWithValue("$period", (object?)filter.Period ?? DBNull.Value);
        command.Parameters.AddWithValue("$unit", (object?)filter.Unit ?? DBNull.Value);
        command.Parameters.AddWithValue("$min", filter.Min is { } min ? (double)min : DBNull.Value);
        command.Parameters.AddWithValue("$max", filter.Max is { } max ? (double)max : DBNull.Value);
        command.Parameters.AddWithValue("$fact", (object?)filter.Fact ?? DBNull.Value);
    }

    private static string? Year(int? year) => year?.ToString("D4", CultureInfo.InvariantCulture);

    // The facts table keeps values as REAL cast to text ("1370000000.0", maybe "1.2e+15"); the division drops trailing zeros.
    private static decimal Number(string text) =>
        (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : (decimal)double.Parse(text, CultureInfo.InvariantCulture))
        / 1.000000000000000000000000000m;

    private static StoredFigure ReadStoredFigure(SqliteDataReader reader) =>
        new(DocumentRow(reader), reader.GetInt32(19), ReadFigure(reader, 20), Text(reader, 20 + 18));
}

/// <summary>The columns whose present values fill a filter's choices.</summary>
public enum FigureColumn
{
    Province,
    Year,
    PageType,
    Metric,
    Unit,
}
