using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Core;

namespace Pipeline.Storage;

/// <summary>Another document's report of a fact that a given document also reports.</summary>
/// <param name="FactKey">The fact (see <see cref="Storage.FactKey"/>).</param>
/// <param name="Conflict">Whether the fact's reports disagree (the facts table's verdict).</param>
/// <param name="DocumentId">The other document.</param>
/// <param name="Url">Its page URL.</param>
/// <param name="Title">Its title, if any.</param>
/// <param name="Published">Its publication date, if known.</param>
/// <param name="Value">The value it gives.</param>
public sealed record FactReportRow(string FactKey, bool Conflict, long DocumentId, string Url, string? Title, string? Published, decimal Value);

/// <summary>Single-document reads (one page of the web interface): by id, by URL, and the facts it shares.</summary>
public sealed partial class DocumentStore
{
    private const string DocumentColumns =
        "id, url, site, page_hash, fetched_at, extractor_version, processed_at, title, published, published_from, author, " +
        "board, province, period, text, attachments, warnings, page_type, page_type_score";

    /// <summary>One document with its figures, or null when no document has this id.</summary>
    public StoredDocument? Document(long id)
    {
        using var select = Command($"SELECT {DocumentColumns} FROM documents WHERE id = $id");
        select.Parameters.AddWithValue("$id", id);
        StoredDocument document;
        using (var reader = select.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            document = DocumentRow(reader);
        }

        return document with { Figures = FiguresOf([id]).GetValueOrDefault(id) ?? [] };
    }

    /// <summary>The id of the document made from the page at <paramref name="url"/>, or null.</summary>
    public long? DocumentId(string url)
    {
        using var select = Command("SELECT id FROM documents WHERE url = $url");
        select.Parameters.AddWithValue("$url", url);
        return select.ExecuteScalar() as long?;
    }

    /// <summary>
    /// Other documents' reports of the facts document <paramref name="id"/> reports (figures with the same
    /// fact key), by fact and then date; at most <paramref name="limit"/> rows, so a fact every bulletin
    /// repeats cannot make the page unbounded.
    /// </summary>
    public IReadOnlyList<FactReportRow> SharedFacts(long id, int limit = 500)
    {
        using var select = Command(
            """
            SELECT o.fact_key, fa.conflict, d.id, d.url, d.title, d.published, o.value
            FROM figures o
            JOIN facts fa ON fa.key = o.fact_key
            JOIN documents d ON d.id = o.document_id
            WHERE o.document_id <> $id
              AND o.fact_key IN (SELECT fact_key FROM figures WHERE document_id = $id AND fact_key IS NOT NULL)
            ORDER BY o.fact_key, d.published, d.id, o.ordinal
            LIMIT $limit
            """);
        select.Parameters.AddWithValue("$id", id);
        select.Parameters.AddWithValue("$limit", limit);
        using var reader = select.ExecuteReader();
        var rows = new List<FactReportRow>();
        while (reader.Read())
        {
            rows.Add(new FactReportRow(
                reader.GetString(0),
                reader.GetBoolean(1),
                reader.GetInt64(2),
                reader.GetString(3),
                Text(reader, 4),
                Text(reader, 5),
                decimal.Parse(reader.GetString(6), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>A documents row read in <see cref="DocumentColumns"/> order, without its figures.</summary>
    private static StoredDocument DocumentRow(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Url = reader.GetString(1),
        Site = reader.GetString(2),
        PageHash = reader.GetString(3),
        FetchedAt = Stamps.Parse(reader.GetString(4)),
        ExtractorVersion = reader.GetString(5),
        ProcessedAt = Stamps.Parse(reader.GetString(6)),
        Title = Text(reader, 7),
        Published = Text(reader, 8),
        PublishedFrom = Text(reader, 9),
        Author = Text(reader, 10),
        Board = Text(reader, 11),
        Province = Text(reader, 12),
        Period = Text(reader, 13),
        Text = reader.GetString(14),
        Attachments = JsonSerializer.Deserialize<List<StoredAttachment>>(reader.GetString(15), WireJson.Stored) ?? [],
        Warnings = JsonSerializer.Deserialize<List<string>>(reader.GetString(16), WireJson.Stored) ?? [],
        PageType = Text(reader, 17),
        PageTypeScore = reader.IsDBNull(18) ? null : reader.GetDouble(18),
    };
}
