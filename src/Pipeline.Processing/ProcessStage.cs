using System.Diagnostics;
using Pipeline.Crawling.Registry;
using Pipeline.Extraction.Html;
using Pipeline.Storage;

namespace Pipeline.Processing;

/// <summary>What a process stage did.</summary>
public sealed record ProcessSummary(int Documents, int Figures, int Failed, IReadOnlyList<string> Errors, TimeSpan Elapsed);

/// <summary>
/// Stored pages to documents and figures: only pages that are new, changed, or were read by
/// another extractor version; pages are read on all cores and saved in batches, one transaction each.
/// </summary>
public sealed class ProcessStage(DocumentStore documents, SourceRegistry? registry, Func<string, SiteTemplate?> templates)
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
        foreach (var batch in documents.Pending(extractorVersion, all: all).Chunk(BatchSize))
        {
            cancel.ThrowIfCancellationRequested();
            foreach (var site in batch.Select(p => p.Site).Distinct().Where(s => !templateCache.ContainsKey(s)))
            {
                templateCache[site] = templates(site);
            }

            var now = DateTimeOffset.UtcNow;
            var results = new StoredDocument?[batch.Length];
            Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = cancel }, i =>
            {
                var page = batch[i];
                try
                {
                    results[i] = PageProcessor.Process(page, registry?.Named(page.Site), templateCache[page.Site], extractorVersion, now);
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
}
