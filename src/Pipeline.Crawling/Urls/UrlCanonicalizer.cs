using System.Text;

namespace Pipeline.Crawling.Urls;

/// <summary>
/// One spelling per page, so a page is fetched once per run however it was linked: scheme and
/// host lowercased, default port, fragment and session or tracking parameters dropped, the
/// remaining query parameters sorted. The path keeps its case (IIS is case-blind, Apache is not).
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "_hs", "pk_", "piwik_"];

    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "zarsrc", "_ga", "_gl", "igshid", "ref_src",
        "jsessionid", "phpsessid", "aspsessionid", "sid", "sessionid", "cfid", "cftoken",
    };

    /// <summary>The canonical form of an absolute http(s) URL, or null for anything else (mailto:, javascript:, ftp:).</summary>
    public static Uri? Canonical(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var path = url.AbsolutePath;
        var semicolon = path.IndexOf(";jsessionid=", StringComparison.OrdinalIgnoreCase);
        if (semicolon >= 0)
        {
            path = path[..semicolon];
        }

        var builder = new UriBuilder(url.Scheme, url.Host.ToLowerInvariant(), url.IsDefaultPort ? -1 : url.Port, path)
        {
            Query = SortedQuery(url.Query),
        };
        return builder.Uri;
    }

    /// <summary>Resolves a link against its page and canonicalises it; null when it is not a crawlable URL.</summary>
    public static Uri? Resolve(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Uri.TryCreate(page, href, out var absolute) ? Canonical(absolute) : null;
    }

    /// <summary>Parses and canonicalises a URL string; null when it is not an absolute http(s) URL.</summary>
    public static Uri? Parse(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) ? Canonical(u) : null;

    private static string SortedQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var pairs = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p[..(p.IndexOf('=') is var i and >= 0 ? i : p.Length)]))
            .OrderBy(p => p[..(p.IndexOf('=') is var i and >= 0 ? i : p.Length)], StringComparer.Ordinal)
            .ThenBy(p => p, StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var pair in pairs)
        {
            sb.Append(sb.Length == 0 ? "" : "&").Append(pair);
        }

        return sb.ToString();
    }

    private static bool IsTracking(string name) =>
        TrackingNames.Contains(name) || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
