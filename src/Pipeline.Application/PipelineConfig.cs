using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core;
using Pipeline.Crawling.Fetching;

namespace Pipeline.Application;

/// <summary>The crawl part of the configuration file; unset fields keep the crawler's defaults.</summary>
public sealed record CrawlConfig
{
    public double? DelaySeconds { get; init; }

    public string? ContactUrl { get; init; }

    public double? AttemptTimeoutSeconds { get; init; }

    public int? MaxRetries { get; init; }

    public long? MaxBodyBytes { get; init; }

    public int? ParallelHosts { get; init; }

    public int? MaxDepth { get; init; }
}

/// <summary>
/// Settings by file and environment, one typed object: `--config FILE`, else $PIPELINE_CONFIG, else
/// ./pipeline.json if present; environment variables ($PIPELINE_DB, $PIPELINE_INDEX,
/// $PIPELINE_SOURCES, $PIPELINE_CRAWL_DELAY, $PIPELINE_CONTACT_URL) override the file, and options on
/// the command line override both.
/// </summary>
public sealed record PipelineConfig
{
    public string Db { get; init; } = Path.Combine("data", "pipeline.db");

    public string Index { get; init; } = Path.Combine("data", "index");

    public string Sources { get; init; } = Path.Combine("corpus", "sources.json");

    public CrawlConfig Crawl { get; init; } = new();

    /// <summary>The configuration in force for this process (set once at start-up from the arguments).</summary>
    public static PipelineConfig Current { get; private set; } = new();

    /// <summary>Loads the file named by <c>--config</c> in <paramref name="args"/>, $PIPELINE_CONFIG or ./pipeline.json, then applies the environment.</summary>
    public static PipelineConfig Load(IReadOnlyList<string> args)
    {
        var named = args.SkipWhile(a => a != "--config").Skip(1).FirstOrDefault() ?? Environment.GetEnvironmentVariable("PIPELINE_CONFIG");
        var path = named ?? (File.Exists("pipeline.json") ? "pipeline.json" : null);
        var config = new PipelineConfig();
        if (path is not null)
        {
            try
            {
                config = JsonSerializer.Deserialize<PipelineConfig>(File.ReadAllText(path), WireJson.Settings) ?? config;
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"{path}: {e.Message}", e);
            }
        }

        string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        config = config with
        {
            Db = Env("PIPELINE_DB") ?? config.Db,
            Index = Env("PIPELINE_INDEX") ?? config.Index,
            Sources = Env("PIPELINE_SOURCES") ?? config.Sources,
            Crawl = config.Crawl with
            {
                DelaySeconds = double.TryParse(Env("PIPELINE_CRAWL_DELAY"), CultureInfo.InvariantCulture, out var d) ? d : config.Crawl.DelaySeconds,
                ContactUrl = Env("PIPELINE_CONTACT_URL") ?? config.Crawl.ContactUrl,
            },
        };
        Current = config;
        return config;
    }

    /// <summary>The crawler's settings with this configuration applied.</summary>
    public CrawlSettings CrawlSettings()
    {
        var settings = new CrawlSettings();
        var c = Crawl;
        return settings with
        {
            Delay = c.DelaySeconds is { } delay and >= 0 ? TimeSpan.FromSeconds(delay) : settings.Delay,
            ContactUrl = c.ContactUrl ?? settings.ContactUrl,
            AttemptTimeout = c.AttemptTimeoutSeconds is { } t and > 0 ? TimeSpan.FromSeconds(t) : settings.AttemptTimeout,
            MaxRetries = c.MaxRetries is { } r and >= 0 ? r : settings.MaxRetries,
            MaxBodyBytes = c.MaxBodyBytes is { } b and > 0 ? b : settings.MaxBodyBytes,
            ParallelHosts = c.ParallelHosts is { } p and > 0 ? p : settings.ParallelHosts,
            MaxDepth = c.MaxDepth is { } m and >= 0 ? m : settings.MaxDepth,
        };
    }
}
