using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Pipeline.Core;
using Pipeline.Crawling.Fetching;
using Pipeline.Crawling.Urls;

namespace Pipeline.Crawling.Registry;

/// <summary>A registry that cannot be used, with every problem found (not just the first).</summary>
public sealed class RegistryException(IReadOnlyList<string> problems)
    : Exception("the source registry has problems:\n  " + string.Join("\n  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// The boards the crawler knows (corpus/sources.json, schema in docs/sources.md). Each entry names a
/// platform whose profile fills in what the entry leaves out, so adding a board is one JSON object.
/// </summary>
public sealed class SourceRegistry
{
    /// <summary>The deepest listing chain a board may ask for: far more pager pages than any board has.</summary>
    private const int DeepestListing = 10_000;

    private SourceRegistry(IReadOnlyList<Source> sources) => Sources = sources;

    public IReadOnlyList<Source> Sources { get; }

    /// <summary>The source a host belongs to, by its base URL or an alias.</summary>
    public Source? ForHost(string host) =>
        Sources.FirstOrDefault(s => s.Hosts.Contains(host, StringComparer.OrdinalIgnoreCase));

    public Source? Named(string name) =>
        Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public static SourceRegistry Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Reads a registry, applying platform profiles; throws <see cref="RegistryException"/> listing every problem.</summary>
    public static SourceRegistry Parse(string json)
    {
        RegistryFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RegistryFile>(json, WireJson.Settings);
        }
        catch (JsonException e)
        {
            throw new RegistryException([$"not valid registry JSON: {e.Message}"]);
        }

        if (file?.Sources is null)
        {
            throw new RegistryException(["no \"sources\" array"]);
        }

        var problems = new List<string>();
        var sources = new List<Source>();
        foreach (var (entry, index) in file.Sources.Select((e, i) => (e, i)))
        {
            var where = $"sources[{index}]" + (entry.Name is { } n ? $" ({n})" : "");
            var source = Build(entry, file.Defaults, where, problems);
            if (source is not null)
            {
                sources.Add(source);
            }
        }

        foreach (var duplicate in file.Sources.Where(e => e.Name is not null).GroupBy(e => e.Name!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"the name \"{duplicate.Key}\" is used by {duplicate.Count()} sources");
        }

        return problems.Count > 0 ? throw new RegistryException(problems) : new SourceRegistry(sources);
    }

    private static Source? Build(SourceEntry entry, Defaults? defaults, string where, List<string> problems)
    {
        var before = problems.Count;
        Require(entry.Name, "name", where, problems);
        Require(entry.Title, "title", where, problems);
        if (entry.Kind is not ("KCN" or "KKT" or "press"))
        {
            problems.Add($"{where}: kind must be \"KCN\", \"KKT\" or \"press\", not \"{entry.Kind}\"");
        }
        else if (entry.Kind != "press")
        {
            // A newspaper reports on many provinces; a board belongs to one.
            Require(entry.Province, "province", where, problems);
        }

        var baseUrl = entry.BaseUrl is null ? null : UrlCanonicalizer.Parse(entry.BaseUrl);
        if (baseUrl is null)
        {
            problems.Add($"{where}: base_url must be an absolute http(s) URL, not \"{entry.BaseUrl}\"");
        }

        var platformName = entry.Platform ?? "generic";
        if (!PlatformProfile.All.TryGetValue(platformName, out var profile))
        {
            problems.Add($"{where}: unknown platform \"{platformName}\" (known: {string.Join(", ", PlatformProfile.All.Keys)})");
            profile = PlatformProfile.All["generic"];
        }

        var article = Compile(entry.ArticlePattern ?? profile.ArticlePattern, "article_pattern", where, problems);
        var listing = Compile(entry.ListingPattern ?? profile.ListingPattern, "listing_pattern", where, problems);
        var start = new List<StartPoint>();
        if (baseUrl is not null)
        {
            var given = entry.Start?.Select(s => (s.Url, s.Kind)) ?? profile.DefaultStart.Select(d => ((string?)d.Path, (StartKind?)d.Kind));
            foreach (var (url, kind) in given)
            {
                var absolute = url is null ? null : UrlCanonicalizer.Resolve(baseUrl, url);
                if (absolute is null || kind is null)
                {
                    problems.Add($"{where}: start point \"{url}\" needs a URL (absolute or relative to base_url) and a kind (listing, sitemap or feed)");
                    continue;
                }

                start.Add(new StartPoint(absolute, kind.Value));
            }
        }

        var delaySeconds = entry.DelaySeconds ?? defaults?.DelaySeconds;
        if (delaySeconds is { } delay && !(delay >= 0 && delay <= CrawlSettings.MaxDelaySeconds))
        {
            problems.Add(FormattableString.Invariant($"{where}: delay_seconds must be between 0 and {CrawlSettings.MaxDelaySeconds}, not {delay}"));
        }

        var maxListingDepth = entry.MaxListingDepth ?? defaults?.MaxListingDepth;
        if (maxListingDepth is < 0 or > DeepestListing)
        {
            problems.Add(FormattableString.Invariant($"{where}: max_listing_depth must be a whole number from 0 to {DeepestListing}, not {maxListingDepth}"));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var selectors = entry.Selectors is { } s ? new PageSelectors(s.Title, s.Date, s.Body).Over(profile.Selectors) : profile.Selectors;
        return new Source
        {
            Name = entry.Name!,
            Title = entry.Title!,
            Province = entry.Province ?? "",
            Kind = entry.Kind!,
            BaseUrl = baseUrl!,
            Platform = profile.Name,
            Start = start,
            ArticlePattern = article!,
            ListingPattern = listing!,
            Selectors = selectors,
            Delay = delaySeconds is { } d ? TimeSpan.FromSeconds(d) : null,
            MaxListingDepth = maxListingDepth,
            Aliases = entry.Aliases?.Select(a => a.Trim().ToLowerInvariant()).ToList() ?? [],
        };
    }

    private static void Require(string? value, string field, string where, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{where}: {field} is required");
        }
    }

    private static Regex? Compile(string pattern, string field, string where, List<string> problems)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            problems.Add($"{where}: {field} is not a valid regular expression: {e.Message}");
            return null;
        }
    }

    private sealed record RegistryFile(Defaults? Defaults, List<SourceEntry>? Sources)
    {
        [JsonPropertyName("$comment")]
        public string? Comment { get; init; }
    }

    private sealed record Defaults(double? DelaySeconds, int? MaxListingDepth);

    private sealed record StartEntry(string? Url, [property: JsonConverter(typeof(JsonStringEnumConverter<StartKind>))] StartKind? Kind);

    private sealed record SelectorEntry(string? Title, string? Date, string? Body);

    private sealed record SourceEntry(
        string? Name,
        string? Title,
        string? Province,
        string? Kind,
        string? BaseUrl,
        string? Platform,
        List<StartEntry>? Start,
        string? ArticlePattern,
        string? ListingPattern,
        SelectorEntry? Selectors,
        double? DelaySeconds,
        int? MaxListingDepth,
        List<string>? Aliases)
    {
        [JsonPropertyName("$comment")]
        public string? Comment { get; init; }
    }
}
