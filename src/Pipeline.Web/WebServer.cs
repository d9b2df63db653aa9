using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Web.Api;
using Pipeline.Web.Http;
using Pipeline.Web.Pages;

namespace Pipeline.Web;

/// <summary>`pipeline serve`: builds the web application over a store and index, and runs it until cancelled.</summary>
public sealed class WebServer : IAsyncDisposable
{
    /// <summary>The rate-limiting policy of the extraction endpoints (the only ones that do real work per request).</summary>
    public const string ExtractPolicy = "extract";

    private readonly WebApplication _app;

    private WebServer(WebApplication app) => _app = app;

    /// <summary>The addresses actually bound (with the real port when the options asked for port 0).</summary>
    public IReadOnlyList<string> Addresses =>
        [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>The route patterns mapped (for tests and the OpenAPI check), each starting with "/".</summary>
    public IReadOnlyList<string> Routes() =>
        [.. _app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct()];

    /// <summary>Builds the application; nothing listens until <see cref="StartAsync"/>.</summary>
    public static WebServer Create(WebOptions options, ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = options.MaxBodyBytes;
            form.ValueLengthLimit = (int)options.MaxBodyBytes;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<WebData>();
        builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,

            // The timeout middleware answers before the error pages see the cancellation: give its answer their form (503, a page or JSON).
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context => Errors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "the request took longer than the server allows", null),
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ExtractPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ExtractsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseErrorPages();
        app.UseRouting();
        app.UseRequestTimeouts();
        app.UseRateLimiter();
        MapPages(app);
        return new WebServer(app);
    }

    /// <summary>Every page and endpoint of the product.</summary>
    private static void MapPages(WebApplication app)
    {
        app.MapAssets();
        app.MapOpenApi();
        SearchPage.Map(app);
        SearchApi.Map(app);
        FiguresPage.Map(app);
        ChartsPage.Map(app);
        DocumentPage.Map(app);
        ExtractPage.Map(app);
        SourcesPage.Map(app);
        FiguresApi.Map(app);
    }

    private bool _started;

    /// <summary>Starts listening; <see cref="RunAsync"/> after this only waits.</summary>
    public async Task StartAsync(CancellationToken cancel = default)
    {
        await _app.StartAsync(cancel).ConfigureAwait(false);
        _started = true;
    }

    /// <summary>Serves until <paramref name="cancel"/> fires (Ctrl-C), then stops cleanly, finishing requests in flight.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        if (!_started)
        {
            await StartAsync(cancel).ConfigureAwait(false);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
