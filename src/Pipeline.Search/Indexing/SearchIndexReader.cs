using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Pipeline.Search.Language;

namespace Pipeline.Search;

/// <summary>
/// An index folder opened for reading only: no writer, no lock, nothing written, so it works on a
/// read-only folder and beside a process that is writing. Each search sees the last commit; a new
/// commit is picked up by the next search (the reader reopens what changed), with no restart.
/// For `pipeline search` and any long-running reader such as a web server.
/// </summary>
public sealed class SearchIndexReader : ISearchable, IDisposable
{
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly SearcherManager _searchers;

    private SearchIndexReader(Lucene.Net.Store.Directory directory, SearchVocabulary vocabulary)
    {
        _directory = directory;
        Vocabulary = vocabulary;
        _searchers = new SearcherManager(directory, new SearcherFactory());
    }

    /// <summary>Opens the index in <paramref name="folder"/> for reading.</summary>
    /// <param name="folder">The index folder.</param>
    /// <param name="vocabulary">The provinces, metric phrases and units its searches read queries with.</param>
    /// <exception cref="NotAnIndexException">The folder does not exist, or holds no committed index.</exception>
    public static SearchIndexReader Open(string folder, SearchVocabulary vocabulary)
    {
        if (File.Exists(folder))
        {
            throw new NotAnIndexException(folder, "it is a file, not a folder");
        }

        if (!System.IO.Directory.Exists(folder))
        {
            throw new NotAnIndexException(folder, "no such folder");
        }

        // No lock factory: a reader takes no lock and creates no file.
        var directory = MappedDirectory.OpenFolder(folder, NoLockFactory.GetNoLockFactory());
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                throw new NotAnIndexException(folder, "no index commit (segments file) in it");
            }

            return new SearchIndexReader(directory, vocabulary);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public SearchVocabulary Vocabulary { get; }

    /// <summary>Runs <paramref name="read"/> on the latest commit (reopened first if the index changed since the last search).</summary>
    public T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        _searchers.MaybeRefresh(); // cheap when nothing changed: compares the commit generation
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Picks up the latest commit now, waiting for a reopen in progress.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    public int DocumentCount => WithSearcher(s => s.Search(new TermQuery(new Term(Fields.Kind, Fields.KindDocument)), 1).TotalHits);

    public void Dispose()
    {
        _searchers.Dispose();
        _directory.Dispose();
    }
}
