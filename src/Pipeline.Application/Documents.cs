using Pipeline.Core;
using Pipeline.Storage;

namespace Pipeline.Application;

/// <summary>Another document's report of a shared fact.</summary>
public sealed record OtherReport(long DocumentId, string Url, string? Title, string? Published, decimal Value);

/// <summary>
/// A fact this document reports that other documents report too: what it is (from this document's first
/// figure of it), which of this document's figures give it (indexes into its figures), whether the reports
/// disagree, and the other documents' values.
/// </summary>
public sealed record SharedFact(string Key, Figure Figure, IReadOnlyList<int> Figures, bool Conflict, IReadOnlyList<OtherReport> Others);

/// <summary>A stored document as one page shows it: the document with its figures, and the facts it shares.</summary>
public sealed record DocumentView(StoredDocument Document, IReadOnlyList<SharedFact> SharedFacts);

/// <summary>The "show one document" use case, read-only (a reader beside a running writer).</summary>
public static class Documents
{
    /// <summary>The document with this id and the facts it shares with other documents, or null when there is none.</summary>
    public static DocumentView? ById(string database, long id)
    {
        Stores.Require(database);
        using var store = DocumentStore.OpenReadOnly(database);
        if (store.Document(id) is not { } document)
        {
            return null;
        }

        var own = document.Figures
            .Select((figure, index) => (Key: FactKey.Of(document.Province, figure), Index: index))
            .Where(x => x.Key is not null)
            .GroupBy(x => x.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToList(), StringComparer.Ordinal);
        var shared = store.SharedFacts(id)
            .Where(r => own.ContainsKey(r.FactKey))
            .GroupBy(r => r.FactKey, StringComparer.Ordinal)
            .Select(g => new SharedFact(
                g.Key,
                document.Figures[own[g.Key][0]],
                own[g.Key],
                g.First().Conflict,
                [.. g.Select(r => new OtherReport(r.DocumentId, r.Url, r.Title, r.Published, r.Value))]))
            .ToList();
        return new DocumentView(document, shared);
    }

    /// <summary>The id of the document read from the page at <paramref name="url"/>, or null.</summary>
    public static long? IdOf(string database, string url)
    {
        Stores.Require(database);
        using var store = DocumentStore.OpenReadOnly(database);
        return store.DocumentId(url);
    }
}
