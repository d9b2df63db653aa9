using System.Net;
using System.Net.Sockets;

namespace Pipeline.Sites;

/// <summary>
/// The boards' bundled sites: rendered from corpus/sites/articles with corpus/sites/sources.json,
/// served on 127.0.0.1, and reached by their stable .pipeline.test URLs through <see cref="CreateHandler"/>.
/// </summary>
public static class BundledSites
{
    /// <summary>The reserved suffix of the bundled sites' hosts; names under it never reach DNS.</summary>
    public const string HostSuffix = ".pipeline.test";

    /// <summary>Renders each board's site from its article folder (a board with no folder gets an empty site).</summary>
    public static IReadOnlyList<Site> Build(string articlesFolder, IEnumerable<Board> boards)
    {
        var articles = ArticleFolder.Load(articlesFolder);
        return boards.Select(b => SiteBuilder.Build(b, articles.GetValueOrDefault(b.Name) ?? [])).ToList();
    }

    /// <summary>Renders the boards' sites and serves them; dispose the server to stop.</summary>
    public static async Task<SiteServer> StartAsync(string articlesFolder, IReadOnlyList<Board> boards)
    {
        var outside = boards.Where(b => !IsBundledHost(b.Host)).Select(b => b.Name).ToList();
        if (outside.Count > 0)
        {
            throw new ArgumentException($"bundled sites must live under {HostSuffix}; not: {string.Join(", ", outside)}", nameof(boards));
        }

        return await SiteServer.StartAsync(Build(articlesFolder, boards)).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="handler"/> (the crawler's usual one) with every connection to a *.pipeline.test
    /// host sent to 127.0.0.1:<paramref name="port"/>; any other host is refused, so nothing leaves the machine.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(int port, SocketsHttpHandler handler)
    {
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
