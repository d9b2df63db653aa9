using System.Diagnostics;
using Pipeline.Core;
using Pipeline.Search;
using Pipeline.Storage;

namespace Pipeline.Processing;

/// <summary>What an index stage did.</summary>
public sealed record IndexSummary(int Indexed, TimeSpan Elapsed);

/// <summary>
/// What the index stage needs of a search index: the seam where a search cluster would stand in for
/// the local Lucene index (<see cref="LocalIndex"/>). Documents go in as records; nothing of Lucene shows.
/// </summary>
public interface IDocumentIndex
{
    /// <summary>Adds a document, replacing the one with the same source.</summary>
    void Upsert(IndexedDocument document);

    /// <summary>Makes every upsert so far durable.</summary>
    void Commit();

    /// <summary>Makes every upsert so far visible to searches.</summary>
    void Refresh();
}

/// <summary>The local Lucene index (<see cref="SearchIndex"/>) as the index stage's <see cref="IDocumentIndex"/>.</summary>
public sealed class LocalIndex(SearchIndex index) : IDocumentIndex
{
    public void Upsert(IndexedDocument document) => index.Upsert(document);

    public void Commit() => index.Commit();

    public void Refresh() => index.Refresh();
}

/// <summary>Documents not yet in the search index (new, or re-read since) are added, replacing older versions by URL.</summary>
public sealed class IndexStage(DocumentStore documents, IDocumentIndex index)
{
    /// <summary>The stage over the local Lucene index.</summary>
    public IndexStage(DocumentStore documents, SearchIndex index)
        : this(documents, new LocalIndex(index))
    {
    }

    /// <summary>Documents per Lucene commit: a commit syncs files to disk, so it is kept rare.</summary>
    public const int CommitEvery = 4096;

    /// <summary>Indexes the documents not yet indexed, or with <paramref name="all"/> every document (a rebuild).</summary>
    /// <param name="all">Index every stored document, indexed before or not.</param>
    /// <param name="cancel">Stops between commits.</param>
    public IndexSummary Run(bool all = false, CancellationToken cancel = default)
    {
        var watch = Stopwatch.StartNew();
        var indexed = 0;
        foreach (var batch in documents.Documents(onlyUnindexed: !all).Chunk(CommitEvery))
        {
            cancel.ThrowIfCancellationRequested();
            // One thread: with two cores, parallel upserts measured slower (writer contention).
            foreach (var document in batch)
            {
                index.Upsert(new IndexedDocument(ToExtracted(document), document.Text, document.PageType));
            }

            // Commit before marking: a crash in between re-indexes a batch (an upsert), never loses one.
            index.Commit();
            documents.MarkIndexed(batch.Select(d => d.Id));
            indexed += batch.Length;
        }

        index.Refresh();
        return new IndexSummary(indexed, watch.Elapsed);
    }

    public static ExtractedDocument ToExtracted(StoredDocument document) => new()
    {
        Source = document.Url,
        Title = document.Title,
        Published = document.Published,
        Board = document.Board,
        Province = document.Province,
        Period = document.Period,
        Figures = document.Figures,
        Warnings = document.Warnings,
    };
}
