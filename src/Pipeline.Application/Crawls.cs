using System.Text.Json;
using Pipeline.Crawling;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.State;
using Pipeline.Processing;
using Pipeline.Storage;

namespace Pipeline.Application;

/// <summary>`crawl`: the boards' new and changed pages fetched into the store, politely; the reading stage learns each site's template on the way.</summary>
public static class Crawls
{
    /// <summary>Crawls <paramref name="request"/>'s sources into <paramref name="database"/>, reporting each finished URL as a <see cref="PageCrawled"/> event.</summary>
    /// <param name="request">The sources, and the page limit and date floor.</param>
    /// <param name="settings">Politeness, retries and limits.</param>
    /// <param name="database">The store.</param>
    /// <param name="handler">Answers the crawler's requests instead of the network (the bundled sites); null for the network.</param>
    /// <param name="progress">Receives a <see cref="PageCrawled"/> per finished URL.</param>
    /// <param name="cancel">Stops the crawl; it resumes where it stopped next time.</param>
    public static async Task<CrawlSummary> CrawlAsync(CrawlRequest request, CrawlSettings settings, string database, HttpMessageHandler? handler, IProgress<RunEvent>? progress, CancellationToken cancel)
    {
        var reader = new PortalPageReader();
        CrawlSummary summary;
        using (var store = CrawlStore.Open(database))
        using (var fetcher = new PageFetcher(settings, handler: handler))
        {
            var observer = progress is null ? null : new EventObserver(progress);
            summary = await new Crawler(settings, store, fetcher, reader, observer: observer).RunAsync(request, cancel).ConfigureAwait(false);
        }

        // The templates learnt while the crawler judged pages belong to the reading stage, which reads pages with them.
        using var documents = DocumentStore.Open(database);
        foreach (var (site, template) in reader.Templates())
        {
            documents.SaveTemplate(site, JsonSerializer.Serialize(template), DateTimeOffset.UtcNow);
        }

        return summary;
    }

    private sealed class EventObserver(IProgress<RunEvent> progress) : ICrawlObserver
    {
        public void Finished(FetchLogEntry entry, int done, int queued) => progress.Report(new PageCrawled(entry, done, queued));
    }
}
