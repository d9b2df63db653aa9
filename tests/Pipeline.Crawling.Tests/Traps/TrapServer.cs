using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipeline.Crawling.Tests.Traps;

/// <summary>What a trap site answers: a status and an HTML body.</summary>
public sealed record TrapAnswer(int Status, string Html)
{
    public static readonly TrapAnswer NotFound = new(404, "<html><body><h1>Không tìm thấy trang</h1></body></html>");
}

/// <summary>
/// A site on 127.0.0.1 (a random port) whose pages are computed from the request, so it can answer
/// any page number or any date: the endless pagers and calendars a crawler must not get lost in.
/// Every request is logged as path and query, as the server saw it.
/// </summary>
public sealed class TrapServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TrapServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<string> Log { get; } = new();

    public static async Task<TrapServer> StartAsync(Func<HttpRequest, TrapAnswer> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new TrapServer(app);
        app.Run(async context =>
        {
            server.Log.Enqueue(context.Request.Path.Value + context.Request.QueryString.Value);
            var reply = answer(context.Request);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(reply.Html);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
