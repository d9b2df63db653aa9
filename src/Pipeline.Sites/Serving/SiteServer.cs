using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Pipeline.Sites;

/// <summary>One request as the server answered it.</summary>
public sealed record ServedRequest(string Host, string PathAndQuery, int Status, string? IfNoneMatch, string? IfModifiedSince);

/// <summary>
/// The bundled sites on one Kestrel server at 127.0.0.1 (a free port), each answering to its own
/// Host header. Every response was rendered beforehand; this only picks and sends it.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Site> _byHost;

    private SiteServer(WebApplication app, IReadOnlyList<Site> sites)
    {
        _app = app;
        Sites = sites;
        _byHost = sites.ToDictionary(s => s.Board.Host, StringComparer.OrdinalIgnoreCase);
    }

    public int Port { get; private set; }

    public IReadOnlyList<Site> Sites { get; }

    /// <summary>Every request answered, in order.</summary>
    public ConcurrentQueue<ServedRequest> Log { get; } = new();

    public static async Task<SiteServer> StartAsync(IReadOnlyList<Site> sites)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new SiteServer(app, sites);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var resource = _byHost.TryGetValue(request.Host.Host, out var site)
            ? site.Find(request.Path.Value ?? "/", request.QueryString.Value ?? "")
            : null;
        var status = resource is null ? 404 : NotModified(request, resource) ? 304 : resource.Status;
        Log.Enqueue(new ServedRequest(request.Host.Host, request.Path.Value + request.QueryString.Value, status,
            request.Headers.IfNoneMatch.FirstOrDefault(), request.Headers.IfModifiedSince.FirstOrDefault()));

        var response = context.Response;
        response.StatusCode = status;
        if (resource is null)
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync("<!DOCTYPE html><html lang=\"vi\"><body><h1>Không tìm thấy trang</h1></body></html>").ConfigureAwait(false);
            return;
        }

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

        if (status == 304)
        {
            return;
        }

        response.ContentType = resource.ContentType;
        response.ContentLength = resource.Body.Length;
        await response.Body.WriteAsync(resource.Body).ConfigureAwait(false);
    }

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
