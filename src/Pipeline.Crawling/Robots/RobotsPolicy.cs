using System.Globalization;
using System.Text;

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

    /// <summary>Parses robots.txt for a crawler whose product token is <paramref name="productToken"/> (e.g. "PipelineBot").</summary>
    public static RobotsPolicy Parse(string robotsTxt, string productToken)
    {
        // RFC 9309 asks parsers to read at least 500 KiB; beyond that the file is cut.
        if (robotsTxt.Length > 512 * 1024)
        {
            robotsTxt = robotsTxt[..(512 * 1024)];
        }

        var token = ProductToken(productToken);
        var groups = new List<(List<string> Agents, List<RobotsRule> Rules, TimeSpan? Delay)>();
        var sitemaps = new List<string>();
        (List<string> Agents, List<RobotsRule> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in robotsTxt.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (!lastWasAgent || current is null)
                    {
                        current = ([], [], null);
                        groups.Add(current.Value);
                    }

                    current.Value.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    if (value.Length > 0)
                    {
                        current.Value.Rules.Add(new RobotsRule(key == "allow", Normalize(value)));
                    }

                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    {
                        var index = groups.IndexOf(current.Value);
                        current = (current.Value.Agents, current.Value.Rules, TimeSpan.FromSeconds(Math.Min(seconds, 86_400)));
                        groups[index] = current.Value;
                    }

                    break;
                case "sitemap":
                    sitemaps.Add(value);
                    break;
            }

            lastWasAgent = false;
        }

        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && a == token)).ToList();
        if (mine.Count == 0)
        {
            mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        var rules = mine.SelectMany(g => g.Rules).ToList();
        var delay = mine.Select(g => g.Delay).FirstOrDefault(d => d is not null);
        return new RobotsPolicy(rules, delay, sitemaps, false);
    }

    /// <summary>Whether the crawler may fetch this URL (absolute, or a path with query).</summary>
    public bool IsAllowed(string url)
    {
        if (DisallowAll)
        {
            return false;
        }

        var path = PathOf(url);
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

    // "PipelineBot/1.0 (+https://…)" → "pipelinebot": the product token is the name before any "/" or space.
    private static string ProductToken(string agent)
    {
        var end = agent.IndexOfAny(['/', ' ', ';']);
        return (end < 0 ? agent : agent[..end]).Trim().ToLowerInvariant();
    }

    private static string PathOf(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return Normalize(uri.PathAndQuery.Length == 0 ? "/" : uri.PathAndQuery);
        }

        return Normalize(url.StartsWith('/') ? url : "/" + url);
    }

    /// <summary>Percent-encodes what must be encoded and upper-cases escapes, so a rule and a path compare octet by octet.</summary>
    private static string Normalize(string path)
    {
        var sb = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
            {
                sb.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                i += 2;
            }
            else if (c > 0x7E || c == ' ')
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

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
