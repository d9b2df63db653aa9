using Pipeline.Processing;
using Pipeline.Search;
using Pipeline.Storage;

namespace Pipeline.Application;

/// <summary>What indexing files did: documents and figures added, the index's size after, and what was said of each input (its error, or its warnings).</summary>
public sealed record FilesIndexed(int Documents, int Figures, int InIndex, IReadOnlyList<InputNote> Notes)
{
    public int Failed => Notes.Count(n => n.Failed);
}

/// <summary>What rebuilding the index from the store did.</summary>
public sealed record StoreIndexed(IndexSummary Summary, int InIndex);

/// <summary>The researcher's side: build the index (from files or the store) and search it.</summary>
public static class Searches
{
    /// <summary>Reads each input into a document (refined and page-classified, as crawled pages are) and adds it to the index at <paramref name="folder"/>.</summary>
    /// <param name="sources">Paths, or "-" for <paramref name="stdin"/>.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="folder">The index folder (created if missing).</param>
    /// <param name="cancel">Stops between inputs; what was added before is not committed.</param>
    /// <param name="wait">How long to wait for another process writing the index; then <see cref="IndexBusyException"/>.</param>
    /// <param name="waiting">Told once, with the writer's pid, when we have to wait.</param>
    /// <param name="parallel">How many inputs are read at once (1 or more); they are added to the index in input order either way.</param>
    public static FilesIndexed IndexFiles(IEnumerable<string> sources, TextReader stdin, string folder, TimeSpan? wait = null, Action<int?>? waiting = null, CancellationToken cancel = default, int parallel = 1)
    {
        var notes = new List<InputNote>();
        var (documents, figures) = (0, 0);
        using var index = SearchIndex.Open(folder, SearchLanguage.Vocabulary, wait, waiting);
        foreach (var input in Inputs.ReadAll(sources, stdin, parallel, cancel))
        {
            notes.AddRange(input.Notes);
            if (input.Read is { } read)
            {
                index.Upsert(new IndexedDocument(read.Document, read.CleanText, read.PageType.Type));
                documents++;
                figures += read.Document.Figures.Count;
            }
        }

        index.Commit();
        return new FilesIndexed(documents, figures, index.DocumentCount, notes);
    }

    /// <summary>Every stored document into the index at <paramref name="folder"/> (a rebuild: documents are replaced by URL).</summary>
    public static StoreIndexed IndexStore(string database, string folder, TimeSpan? wait = null, Action<int?>? waiting = null, CancellationToken cancel = default)
    {
        Stores.Require(database);
        using var documents = DocumentStore.Open(database);
        using var index = SearchIndex.Open(folder, SearchLanguage.Vocabulary, wait, waiting);
        var summary = new IndexStage(documents, index).Run(all: true, cancel);
        return new StoreIndexed(summary, index.DocumentCount);
    }

    /// <summary>
    /// Searches the index at <paramref name="folder"/> read-only (no lock taken, nothing written). The request
    /// is checked first, so a typo is reported the same with or without an index (<see cref="SearchUsageException"/>);
    /// a folder that is not an index is a <see cref="NotAnIndexException"/>.
    /// </summary>
    public static SearchResult Search(string folder, SearchRequest request)
    {
        Check(request);
        using var index = SearchIndexReader.Open(folder, SearchLanguage.Vocabulary);
        return index.Search(request);
    }

    /// <summary>Refuses a request with a mistake that needs no index to see (a unit is checked against the index's own units later).</summary>
    internal static void Check(SearchRequest request)
    {
        if (RequestCheck.Normalize(request, SearchLanguage.Vocabulary).Problems is { Count: > 0 } problems && problems.Any(p => p.Parameter != "unit"))
        {
            throw new SearchUsageException(problems);
        }
    }
}
