using Pipeline.Search;

namespace Pipeline.Application;

/// <summary>
/// A search index kept open across many searches, for a long-running front end such as the web server:
/// opened at the first search, it picks up each new commit of `pipeline run` by itself (the reader reopens
/// only what changed), and is opened afresh if its files were replaced under it. While there is no index,
/// every search says so (<see cref="NotAnIndexException"/>), and the first search after one is built opens it.
/// Safe to use from many threads at once.
/// </summary>
public sealed class OpenIndex(string folder) : IDisposable
{
    private readonly Lock _gate = new();
    private SearchIndexReader? _reader;
    private bool _disposed;

    public string Folder { get; } = folder;

    /// <summary>As <see cref="Searches.Search"/>, on the kept reader.</summary>
    /// <exception cref="SearchUsageException">The request cannot be run as given (checked before the index is touched).</exception>
    /// <exception cref="NotAnIndexException">There is no index in the folder (yet).</exception>
    public SearchResult Search(SearchRequest request)
    {
        Searches.Check(request);
        return Read(index => index.Search(request));
    }

    /// <summary>The units the index's figures are in (those a value filter may name).</summary>
    public IReadOnlyList<string> Units() => Read(index => index.WithSearcher(s => Searcher.Units(s.IndexReader)));

    /// <summary>True when the folder holds an index that can be searched.</summary>
    public bool Exists()
    {
        try
        {
            Current();
            return true;
        }
        catch (NotAnIndexException)
        {
            return false;
        }
    }

    private T Read<T>(Func<SearchIndexReader, T> read)
    {
        var reader = Current();
        try
        {
            return read(reader);
        }
        catch (IOException)
        {
            // The index was deleted or rebuilt from scratch under the open reader: drop it and read the folder as it is now.
            Drop(reader);
            return read(Current());
        }
    }

    private SearchIndexReader Current()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _reader ??= SearchIndexReader.Open(Folder, SearchLanguage.Vocabulary);
        }
    }

    private void Drop(SearchIndexReader reader)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_reader, reader))
            {
                _reader = null;
            }
        }

        // Other requests may still be reading through it; a failed reader is left to the collector rather than closed under them.
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _reader?.Dispose();
            _reader = null;
        }
    }
}
