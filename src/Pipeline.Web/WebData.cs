using Pipeline.Application;
using Pipeline.Storage;

namespace Pipeline.Web;

/// <summary>The store and index the server reads, opened read-only per request so a `pipeline run` in another process can write meanwhile.</summary>
public sealed class WebData(WebOptions options) : IDisposable
{
    public WebOptions Options { get; } = options;

    /// <summary>The search index, kept open across requests and refreshed when `pipeline run` commits (not reopened per request).</summary>
    public OpenIndex Index { get; } = new(options.Index);

    /// <summary>True when the store exists and holds at least one document; otherwise pages say how to fill it.</summary>
    public bool HasDocuments()
    {
        if (!File.Exists(Options.Database))
        {
            return false;
        }

        using var store = DocumentStore.OpenReadOnly(Options.Database);
        return store.Counts().Documents > 0;
    }

    /// <summary>The store, read-only; dispose it when the request is done.</summary>
    public DocumentStore OpenStore() => DocumentStore.OpenReadOnly(Options.Database);

    public void Dispose() => Index.Dispose();
}
