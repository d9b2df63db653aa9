namespace Pipeline.Web;

/// <summary>What `pipeline serve` serves and where.</summary>
/// <param name="Database">The store `pipeline run` writes (read-only here).</param>
/// <param name="Index">The search index folder `pipeline run` writes (read-only here).</param>
/// <param name="Urls">Where to listen; loopback unless the user says otherwise. Port 0 picks a free port (tests).</param>
public sealed record WebOptions(string Database, string Index, string Urls = WebOptions.DefaultUrls)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The largest request body (an uploaded or pasted bulletin is at most 5 MB; the form around it adds a little).</summary>
    public long MaxBodyBytes { get; init; } = 6 * 1024 * 1024;

    /// <summary>The longest a request may run, extraction included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Extractions one client may ask for per minute.</summary>
    public int ExtractsPerMinute { get; init; } = 30;
}
