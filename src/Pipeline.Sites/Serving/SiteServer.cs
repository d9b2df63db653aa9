using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Pipeline.Sites;

/// <summary>
/// One request as the server answered it: when it arrived and when its answer ended (since the
/// server started), the status sent, the validators and the user agent the client gave.
/// </summary>
public sealed record ServedRequest(string Host, string PathAndQuery, int Status, string? IfNoneMatch, string? IfModifiedSince, string UserAgent, TimeSpan Arrived, TimeSpan Ended);

/// <summary>
/// The boards' sites on one Kestrel server at 127.0.0.1 (a free port), each answering to its own
/// Host header. Every response was rendered beforehand; this only picks and sends it. A layer may
/// stand in front of the sites and answer a request itself (the crawler's tests inject faults so).
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Dictionary<string, Site> _byHost = [];

    private SiteServer(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    /// <summary>Every request answered, in order.</summary>
    public ConcurrentQueue<ServedRequest> Log { get; } = new();

    /// <summary>Called on the server's thread as each request is logged (a test may stop its client from here).</summary>
    public Action<ServedRequest>? Served { get; set; }

    public static Task<SiteServer> StartAsync(IReadOnlyList<Site> sites) => StartAsync(_ => sites);

    /// <summary>
    /// Serves the sites <paramref name="render"/> builds for the port the server got: a site reached
    /// as 127.0.0.1:port holds that port in its own URLs (robots.txt, sitemaps, feeds). Requests go
    /// through <paramref name="layer"/> first, when given; its <c>next</c> is the rendered site.
    /// </summary>
    public static async Task<SiteServer> StartAsync(Func<int, IReadOnlyList<Site>> render, Func<HttpContext, RequestDelegate, Task>? layer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new SiteServer(app);
        app.Run(layer is null ? server.Logged(server.ServeAsync) : server.Logged(context => layer(context, server.ServeAsync)));
        await app.StartAsync().ConfigureAwait(false);

        // Nobody knows the port before StartAsync returns, so no request can come before the sites are in place.
        server.Port = new Uri(app.Urls.First()).Port;
        server.Sites = render(server.Port);
        server._byHost = server.Sites.ToDictionary(s => s.Board.Host, StringComparer.OrdinalIgnoreCase);
        return server;
    }

    /// <summary>Answers with <paramref name="resource"/> (a 404 page when null), honouring conditional GETs.</summary>
    public static async Task SendAsync(HttpContext context, Resource? resource)
    {
        var response = context.Response;
        if (resource is null)
        {
            response.StatusCode = 404;
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync("<!DOCTYPE html><html lang=\"vi\"><body><h1>Không tìm thấy trang</h1></body></html>").ConfigureAwait(false);
            return;
        }

        var notModified = NotModified(context.Request, resource);
        response.StatusCode = notModified ? 304 : resource.Status;
        if (resource.ETag is { } etag)
        {
            response.Headers.ETag = etag;
        }

        if (resource.LastModified is { } modified)
        {
            response.Headers.LastModified = modified.ToString("R");
        }

        if (resource.Location is { } location)
        {
            response.Headers.Location = location;
        }

        if (notModified)
        {
            return;
        }

        response.ContentType = resource.ContentType;
        response.ContentLength = resource.Body.Length;
        await response.Body.WriteAsync(resource.Body).ConfigureAwait(false);
    }

    /// <summary>The site a request's Host header names: with its port (a site on 127.0.0.1:port), else by name alone.</summary>
    private Site? SiteOf(HttpRequest request) =>
        _byHost.GetValueOrDefault(request.Host.Value ?? "") ?? _byHost.GetValueOrDefault(request.Host.Host);

    private Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        return SendAsync(context, SiteOf(request)?.Find(request.Path.Value ?? "/", request.QueryString.Value ?? ""));
    }

    private RequestDelegate Logged(RequestDelegate answer) => async context =>
    {
        var arrived = _clock.Elapsed;
        try
        {
            await answer(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (a timeout); nothing to send.
        }
        finally
        {
            var request = context.Request;
            var served = new ServedRequest(request.Host.Host, request.Path.Value + request.QueryString.Value, context.Response.StatusCode,
                request.Headers.IfNoneMatch.FirstOrDefault(), request.Headers.IfModifiedSince.FirstOrDefault(), request.Headers.UserAgent.ToString(),
                arrived, _clock.Elapsed);
            Log.Enqueue(served);
            Served?.Invoke(served);
        }
    };

    /// <summary>A conditional GET the resource's validators satisfy; If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).</summary>
    private static bool NotModified(HttpRequest request, Resource resource)
    {
        if (resource.Status != 200)
        {
            return false;
        }

        var headers = request.GetTypedHeaders();
        if (!StringValues.IsNullOrEmpty(request.Headers.IfNoneMatch))
        {
            return resource.ETag is { } etag && headers.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
        }

        return resource.LastModified is { } modified && headers.IfModifiedSince is { } since && modified <= since;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
