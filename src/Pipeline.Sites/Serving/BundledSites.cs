using System.Net;
using System.Net.Sockets;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Registry;

namespace Pipeline.Sites;

/// <summary>
/// The boards' bundled sites: rendered from corpus/sites/articles with corpus/sites/sources.json,
/// served on 127.0.0.1, and reached by their stable .pipeline.test URLs through <see cref="CreateHandler"/>.
/// </summary>
public static class BundledSites
{
    /// <summary>The reserved suffix of the bundled sites' hosts; names under it never reach DNS.</summary>
    public const string HostSuffix = ".pipeline.test";

    /// <summary>Renders each registry board's site from its article folder (a board with no folder gets an empty site).</summary>
    public static IReadOnlyList<Site> Build(string articlesFolder, SourceRegistry registry)
    {
        var articles = ArticleFolder.Load(articlesFolder);
        return registry.Sources
            .Select(s => SiteBuilder.Build(
                new Board(s.Name, s.Title, s.Province, s.Platform, s.BaseUrl.Host),
                articles.GetValueOrDefault(s.Name) ?? []))
            .ToList();
    }

    /// <summary>Renders the sites and serves them; dispose the server to stop.</summary>
    public static async Task<SiteServer> StartAsync(string articlesFolder, string sourcesFile)
    {
        var registry = SourceRegistry.Load(sourcesFile);
        var outside = registry.Sources.Where(s => !IsBundledHost(s.BaseUrl.Host)).Select(s => s.Name).ToList();
        if (outside.Count > 0)
        {
            throw new ArgumentException($"{sourcesFile}: bundled sites must live under {HostSuffix}; not: {string.Join(", ", outside)}", nameof(sourcesFile));
        }

        return await SiteServer.StartAsync(Build(articlesFolder, registry), registry).ConfigureAwait(false);
    }

    /// <summary>
    /// The crawler's usual handler (<see cref="PageFetcher.CreateHandler"/>) with every connection to a
    /// *.pipeline.test host sent to 127.0.0.1:<paramref name="port"/>; any other host is refused, so
    /// nothing leaves the machine.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(int port)
    {
        var handler = PageFetcher.CreateHandler();
        handler.ConnectCallback = async (context, cancel) =>
        {
            var host = context.DnsEndPoint.Host;
            if (!IsBundledHost(host))
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, $"{host} is not a bundled site (only *{HostSuffix} is served, on 127.0.0.1)");
            }

            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancel).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    }

    public static bool IsBundledHost(string host) =>
        host.EndsWith(HostSuffix, StringComparison.OrdinalIgnoreCase) && host.Length > HostSuffix.Length;
}
