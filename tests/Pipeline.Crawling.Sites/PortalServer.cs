using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Sites;

namespace Pipeline.Crawling.Sites;

/// <summary>
/// A <see cref="PortalSite"/> served on 127.0.0.1 (a free port) by the product's own
/// <see cref="SiteServer"/>, with the site's faults as the layer in front of it. The server's log
/// holds every request, faults included.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly SiteServer _server;
    private readonly ConcurrentDictionary<string, int> _earlier = new(StringComparer.Ordinal);

    private PortalServer(SiteServer server, PortalSite site)
    {
        _server = server;
        Site = site;
    }

    public PortalSite Site { get; }

    /// <summary>The site as rendered for this server's address.</summary>
    public Site Rendered => _server.Sites[0];

    public Uri BaseUrl => Rendered.Board.BaseUrl;

    public ConcurrentQueue<ServedRequest> Log => _server.Log;

    /// <summary>Called on the server's thread as each request is logged (a test may kill its client from here).</summary>
    public Action<ServedRequest>? Served
    {
        get => _server.Served;
        set => _server.Served = value;
    }

    /// <summary>Requests per path and query.</summary>
    public IReadOnlyDictionary<string, int> Counts() =>
        Log.GroupBy(r => r.PathAndQuery).ToDictionary(g => g.Key, g => g.Count());

    public static async Task<PortalServer> StartAsync(PortalSite site)
    {
        PortalServer? portal = null;
        var server = await SiteServer.StartAsync(port => [site.Render(port)], (context, next) => portal!.AnswerAsync(context, next));
        portal = new PortalServer(server, site);
        return portal;
    }

    /// <summary>A fault for the path, else the robots.txt set, else the site's layer, else the rendered site.</summary>
    private async Task AnswerAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value + context.Request.QueryString.Value;
        var earlier = _earlier.AddOrUpdate(path, 0, (_, n) => n + 1);
        if (Site.Responses.TryGetValue(path, out var fault))
        {
            await fault(context, earlier);
        }
        else if (path == "/robots.txt" && Site.Robots is { } robots)
        {
            await SiteServer.SendAsync(context, new Resource(200, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(robots)));
        }
        else if (Site.Layer is { } layer)
        {
            await layer(context, Rendered, next);
        }
        else
        {
            await next(context);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
