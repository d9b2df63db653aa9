using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipeline.Crawling.Sites;

/// <summary>One request as the server saw it: when it arrived and when its response ended (server clock, ms).</summary>
public sealed record ServedRequest(string PathAndQuery, double ArrivedMs, double EndedMs, int Status, string? IfNoneMatch, string? IfModifiedSince, string UserAgent);

/// <summary>
/// A portal-shaped site on 127.0.0.1 (a random port), run by Kestrel in the test process. It
/// serves the site's pages and its faults, and keeps its own log of every request.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private PortalServer(WebApplication app, PortalSite site)
    {
        _app = app;
        Site = site;
    }

    public PortalSite Site { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<ServedRequest> Log { get; } = new();

    /// <summary>Called on the server's thread as each request is logged (a test may kill its client from here).</summary>
    public Action<ServedRequest>? Served { get; set; }

    /// <summary>Requests per path and query.</summary>
    public IReadOnlyDictionary<string, int> Counts() =>
        Log.GroupBy(r => r.PathAndQuery).ToDictionary(g => g.Key, g => g.Count());

    public static async Task<PortalServer> StartAsync(PortalSite site)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new PortalServer(app, site);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = _clock.Elapsed.TotalMilliseconds;
        var path = context.Request.Path.Value + context.Request.QueryString.Value;
        var count = _counts.AddOrUpdate(path, 0, (_, n) => n + 1);
        try
        {
            if (Site.Responses.TryGetValue(path, out var respond))
            {
                await respond(context, count);
            }
            else
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("<html><body><h1>Không tìm thấy trang</h1></body></html>");
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up (timeout); nothing to send.
        }
        finally
        {
            var served = new ServedRequest(
                path,
                arrived,
                _clock.Elapsed.TotalMilliseconds,
                context.Response.StatusCode,
                context.Request.Headers.IfNoneMatch.FirstOrDefault(),
                context.Request.Headers.IfModifiedSince.FirstOrDefault(),
                context.Request.Headers.UserAgent.ToString());
            Log.Enqueue(served);
            Served?.Invoke(served);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
