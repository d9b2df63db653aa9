using System.Globalization;

namespace Pipeline.Crawling.Robots;

/// <summary>One allow or disallow line of a group.</summary>
public sealed record RobotsRule(bool Allow, string Pattern);

/// <summary>
/// What robots.txt lets one crawler do on one host, per RFC 9309: the groups naming the crawler's
/// product token (case-insensitive) are merged, else the "*" groups apply; the longest matching
/// pattern wins, and on a tie allow wins; "*" matches any run of characters and a final "$" anchors
/// the end; /robots.txt itself is always allowed. Crawl-delay (not in the RFC, widely used) is kept.
/// </summary>
public sealed class RobotsPolicy
{
    private readonly IReadOnlyList<RobotsRule> _rules;

    private RobotsPolicy(IReadOnlyList<RobotsRule> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps, bool disallowAll)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
        DisallowAll = disallowAll;
    }

    /// <summary>Crawl-delay of the matched group, if any.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Sitemap lines, which belong to no group.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>Set when the policy stands in for an unreachable robots.txt (RFC 9309 §2.3.1.4).</summary>
    public bool DisallowAll { get; }

    public static readonly RobotsPolicy AllowAll = new([], null, [], false);

    /// <summary>A 5xx or unreachable robots.txt: assume complete disallow for a while.</summary>
    public static readonly RobotsPolicy Unreachable = new([], null, [], true);

    /// <summary>The policy for a robots.txt fetch that did not return 200: 4xx allows all, 5xx disallows all.</summary>
    public static RobotsPolicy ForStatus(int status) => status is >= 400 and < 500 ? AllowAll : Unreachable;

    /// <summary>Google's cap on one line (8 × 2083 octets); the rest of a longer line is cut.</summary>
    public const int MaxLineLength = 8 * 2083;

    /// <summary>Parses robots.txt for a crawler whose product token is <paramref name="productToken"/> (e.g. "PipelineBot").</summary>
    public static RobotsPolicy Parse(string robotsTxt, string productToken)
    {
        // RFC 9309 asks parsers to read at least 500 KiB; beyond that the file is cut.
        if (robotsTxt.Length > 512 * 1024)
        {
            robotsTxt = robotsTxt[..(512 * 1024)];
        }

        // A byte order mark, whole or cut short (decoded as U+FFFD), is not part of the first line.
        robotsTxt = robotsTxt.TrimStart('\uFEFF', '\uFFFD');

        var token = ProductToken(productToken);
        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in robotsTxt.Split(LineEnds, StringSplitOptions.None))
        {
            var line = rawLine.Length > MaxLineLength ? rawLine[..MaxLineLength] : rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            if (!SplitLine(line, out var key, out var value))
            {
                continue; // empty, a comment, or no key: neither starts nor ends a group
            }

            switch (key)
            {
                case "user-agent":
                    if (!lastWasAgent || current is null)
                    {
                        current = new Group();
                        groups.Add(current);
                    }

                    current.Agents.Add(AgentName(value));
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    if (value.Length > 0)
                    {
                        current.Rules.Add(new RobotsRule(key == "allow", RobotsPath.Normalize(value)));
                    }

                    lastWasAgent = false; // a rule line closes the run of user-agent lines
                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    {
                        current.Delay = TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
                    }

                    break;
                case "sitemap":
                    sitemaps.Add(value);
                    break;
            }

            // Any other line (Sitemap, Crawl-delay, unknown keys) is not a group line (RFC 9309 §2.1):
            // it neither closes a run of user-agent lines nor belongs to the rules.
        }

        var mine = groups.Where(g => g.Agents.Any(a => a.Length > 0 && a != "*" && a == token)).ToList();
        if (mine.Count == 0)
        {
            mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        var rules = mine.SelectMany(g => g.Rules).ToList();
        var delay = mine.Select(g => g.Delay).FirstOrDefault(d => d is not null);
        return new RobotsPolicy(rules, delay, sitemaps, false);
    }

    /// <summary>
    /// Whether a crawler name is a product token RFC 9309 §2.2.1 lets a crawler obey by: letters,
    /// "_" and "-" only, not empty ("FooBot", "Foo_Bar"; not "Foobot/2.1", "Foobot Bar", "ツ").
    /// </summary>
    public static bool IsValidProductToken(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetter(c) || c is '_' or '-');

    private static readonly string[] LineEnds = ["\r\n", "\r", "\n"];

    private sealed class Group
    {
        public List<string> Agents { get; } = [];
        public List<RobotsRule> Rules { get; } = [];
        public TimeSpan? Delay { get; set; }
    }

    private static readonly string[] KnownKeys = ["user-agent", "allow", "disallow", "crawl-delay", "sitemap"];

    /// <summary>"key: value", or (as Google reads it) a known key and its value with the colon missing: "disallow /".</summary>
    private static bool SplitLine(string line, out string key, out string value)
    {
        var colon = line.IndexOf(':');
        if (colon >= 0)
        {
            key = line[..colon].Trim().ToLowerInvariant();
            value = line[(colon + 1)..].Trim();
            return key.Length > 0;
        }

        var trimmed = line.Trim();
        var space = trimmed.IndexOfAny([' ', '\t']);
        key = space < 0 ? "" : trimmed[..space].ToLowerInvariant();
        value = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        return KnownKeys.Contains(key);
    }

    /// <summary>The name a user-agent line gives, up to the first character a product token cannot hold ("Foo Bar" names Foo).</summary>
    private static string AgentName(string value)
    {
        if (value.StartsWith('*'))
        {
            return "*";
        }

        var end = 0;
        while (end < value.Length && (char.IsAsciiLetter(value[end]) || value[end] is '_' or '-'))
        {
            end++;
        }

        return value[..end].ToLowerInvariant();
    }

    /// <summary>Whether the crawler may fetch this URL (absolute, or a path with query).</summary>
    public bool IsAllowed(string url)
    {
        if (DisallowAll)
        {
            return false;
        }

        var path = RobotsPath.Normalize(RobotsPath.Of(url));
        if (path == "/robots.txt")
        {
            return true;
        }

        RobotsRule? best = null;
        foreach (var rule in _rules)
        {
            if (!Matches(rule.Pattern, path))
            {
                continue;
            }

            if (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow && !best.Allow))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    // "PipelineBot/1.0 (+https://…)" → "pipelinebot": the crawler's user-agent header is read the way
    // its robots.txt lines are, up to the first character a product token cannot hold.
    private static string ProductToken(string agent) => agent.Trim() == "*" ? "" : AgentName(agent.Trim());

    /// <summary>"*" matches any run of characters; a final "$" means the path must end there.</summary>
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var parts = body.Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            if (i == parts.Length - 1 && anchored)
            {
                // The last piece must sit at the very end.
                return path.Length - parts[i].Length >= at && path.EndsWith(parts[i], StringComparison.Ordinal);
            }

            var found = path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        return !anchored || at == path.Length;
    }
}
