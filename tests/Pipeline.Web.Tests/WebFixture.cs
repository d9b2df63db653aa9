using Pipeline.Application;
using Pipeline.Crawling.Fetching;
using Pipeline.Web;

namespace Pipeline.Web.Tests;

/// <summary>
/// The bundled corpus run once through every stage into a temporary store and index (as `pipeline run`
/// does), and the web server started over it on 127.0.0.1 with a free port. Shared by every test of the
/// "web" collection.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pipeline-web-" + Guid.NewGuid().ToString("N")[..8]);
    private WebServer? _server;

    public string Database => Path.Combine(_folder, "pipeline.db");

    public string Index => Path.Combine(_folder, "index");

    /// <summary>The server's address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; private set; } = new();

    public RunSummary Run { get; private set; } = null!;

    /// <summary>The paths of the JSON endpoints the server maps (those under /api), as OpenAPI writes them.</summary>
    public IReadOnlySet<string> ApiRoutes() => _server!.Routes().Where(r => r.StartsWith("/api/", StringComparison.Ordinal) && r != "/api/openapi.json").ToHashSet();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Run = await Runs.RunBundledAsync(Repo.Root, new CrawlSettings(), new RunPlaces(Database, Index), null, CancellationToken.None);
        (_server, BaseUrl) = await StartAsync(new WebOptions(Database, Index, "http://127.0.0.1:0"));
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    /// <summary>Starts a server with these options; the caller disposes it.</summary>
    public static async Task<(WebServer Server, string BaseUrl)> StartAsync(WebOptions options)
    {
        var server = WebServer.Create(options);
        await server.StartAsync();
        return (server, server.Addresses.Single().TrimEnd('/'));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a reader may still hold a file for a moment; the temp folder is cleaned by the system
        }
    }
}

[CollectionDefinition("web")]
public sealed class WebCollection : ICollectionFixture<WebFixture>, ICollectionFixture<BrowserFixture>;
