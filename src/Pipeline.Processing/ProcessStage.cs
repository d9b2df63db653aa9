using System.Diagnostics;
using Pipeline.Crawling.State;
using Pipeline.Extraction.Html;
using Pipeline.Storage;

namespace Pipeline.Processing;

/// <summary>A stored article page that has no document yet, or whose document is out of date.</summary>
public sealed record PendingPage(string Url, string Site, string FinalUrl, string? ContentType, string Hash, DateTimeOffset FetchedAt, byte[] Body);

/// <summary>What a process stage did.</summary>
public sealed record ProcessSummary(int Documents, int Figures, int Failed, IReadOnlyList<string> Errors, TimeSpan Elapsed);

/// <summary>
/// Stored pages to documents and figures: only pages that are new, changed, or were read by
/// another extractor version; pages are read on all cores and saved in batches, one transaction each.
/// </summary>
/// <param name="pages">The crawl's stored pages (read through the crawl store's methods; its tables are its own).</param>
/// <param name="documents">Where documents are saved; it says which pages' documents are stale.</param>
/// <param name="sources">A site's source facts as the crawl stored them (null when unknown).</param>
/// <param name="templates">A site's learnt template, if any.</param>
public sealed class ProcessStage(CrawlStore pages, DocumentStore documents, Func<string, SourceFacts?> sources, Func<string, SiteTemplate?> templates)
{
    private const int BatchSize = 64;

    /// <summary>Reads the pending pages (or, with <paramref name="all"/>, every stored article page) into documents.</summary>
    /// <param name="extractorVersion">The version stamped on the documents; pages read by another one are pending.</param>
    /// <param name="all">Re-read every article page, pending or not.</param>
    /// <param name="progress">Called with the running count of documents saved.</param>
    /// <param name="cancel">Stops between batches.</param>
    public ProcessSummary Run(string extractorVersion, bool all = false, Action<int>? progress = null, CancellationToken cancel = default)
    {
        var watch = Stopwatch.StartNew();
        var made = 0;
        var figures = 0;
        var errors = new List<string>();
        var templateCache = new Dictionary<string, SiteTemplate?>(StringComparer.Ordinal);
        var sourceCache = new Dictionary<string, SourceFacts?>(StringComparer.Ordinal);
        foreach (var batch in Pending(extractorVersion, all).Chunk(BatchSize))
        {
            cancel.ThrowIfCancellationRequested();
            foreach (var site in batch.Select(p => p.Site).Distinct().Where(s => !templateCache.ContainsKey(s)))
            {
                templateCache[site] = templates(site);
                sourceCache[site] = sources(site);
            }

            var now = DateTimeOffset.UtcNow;
            var results = new StoredDocument?[batch.Length];
            Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = cancel }, i =>
            {
                var page = batch[i];
                try
                {
                    results[i] = PageProcessor.Process(page, sourceCache[page.Site], templateCache[page.Site], extractorVersion, now);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One unreadable page is logged and skipped; it stays pending and is tried again next time.
                    lock (errors)
                    {
                        errors.Add($"{page.Url}: {e.GetType().Name}: {e.Message}");
                    }
                }
            });
            var done = results.OfType<StoredDocument>().ToList();
            documents.Save(done);
            made += done.Count;
            figures += done.Sum(d => d.Figures.Count);
            progress?.Invoke(made);
        }

        return new ProcessSummary(made, figures, errors.Count, errors, watch.Elapsed);
    }

    /// <summary>Article pages whose document is missing or stale (or, with <paramref name="all"/>, every one), in URL order, with their bodies.</summary>
    public IEnumerable<PendingPage> Pending(string extractorVersion, bool all = false, string? site = null)
    {
        var after = "";
        IReadOnlyList<(string Url, string Site, string Hash)> keys;
        do
        {
            keys = pages.ArticleKeys(after, 256, site);
            var stale = all ? null : documents.Stale([.. keys.Select(k => (k.Url, k.Hash))], extractorVersion);
            foreach (var key in keys.Where(k => stale is null || stale.Contains(k.Url)))
            {
                if (pages.Page(key.Url) is { } page)
                {
                    yield return new PendingPage(key.Url, page.Site, page.FinalUrl.AbsoluteUri, page.ContentType, page.Hash, page.FetchedAt, page.Body);
                }
            }

            after = keys.Count > 0 ? keys[^1].Url : after;
        }
        while (keys.Count == 256);
    }
}
