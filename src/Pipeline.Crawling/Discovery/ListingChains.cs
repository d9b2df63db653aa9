using System.Collections.Concurrent;

namespace Pipeline.Crawling.Discovery;

/// <summary>The links of a listing page the crawl queues, and why it left others (for the fetch log), if it did.</summary>
public sealed record FollowedLinks(IReadOnlyList<Uri> Articles, IReadOnlyList<Uri> Listings, string? Note);

/// <summary>
/// Keeps a crawl out of listings that never end. Many portals answer any page number with an empty
/// listing (or the last page again) that still links to the next page: a listing that shows no
/// article not already seen on an earlier listing of this run brings nothing new, and once
/// <c>maxBarren</c> listings in a row along a chain of links brought nothing new, the chain ends
/// there. A listing's count is the lowest over every listing that linked it, so a real page linked
/// from anywhere productive is always read. Listings deeper than the board's listing depth are not
/// followed either. Each stop is counted by its reason for the crawl summary and told in the page's
/// fetch log line. Held in memory for one run: after a resume a chain may run a few pages further.
/// </summary>
public sealed class ListingChains(int maxBarren)
{
    /// <summary>A listing link carrying a calendar, date filter or sort parameter (<see cref="TrapParameters"/>).</summary>
    public const string TrapLink = "calendar or filter link not followed";

    /// <summary>A listing whose further listing links lie past the board's listing depth.</summary>
    public const string DepthLimit = "listing depth limit reached";

    private readonly ConcurrentDictionary<Uri, int> _barren = new();
    private readonly ConcurrentDictionary<Uri, byte> _listed = new();
    private readonly ConcurrentDictionary<string, int> _stopped = new(StringComparer.Ordinal);

    /// <summary>A listing at which a chain of <paramref name="pages"/> listings with nothing new ended.</summary>
    public static string ChainEnded(int pages) => $"listing chain ended: {pages} {(pages == 1 ? "page" : "pages")} with nothing new";

    /// <summary>Stops so far, by reason: how many pages a chain or the depth ended at, how many links were refused.</summary>
    public IReadOnlyDictionary<string, int> Stopped => new SortedDictionary<string, int>(_stopped, StringComparer.Ordinal);

    /// <summary>Counts a stop decided elsewhere (a sitemap's listing past the depth).</summary>
    public void Count(string reason, int times = 1) => _stopped.AddOrUpdate(reason, times, (_, n) => n + times);

    /// <summary>
    /// What to queue from listing <paramref name="page"/> (at <paramref name="depth"/> listing hops from
    /// a start point) whose links are <paramref name="links"/>; <paramref name="maxDepth"/> is the board's listing depth.
    /// </summary>
    public FollowedLinks Follow(Uri page, ListingLinks links, int depth, int maxDepth)
    {
        var notes = new List<string>();

        // Count every article first: each is new to the chain once, whichever page shows it first.
        var fresh = links.Articles.Count(a => _listed.TryAdd(a, 0));
        var barren = fresh > 0 ? 0 : _barren.GetValueOrDefault(page) + 1;
        IReadOnlyList<Uri> listings = links.Listings;
        if (listings.Count > 0 && depth + 1 > maxDepth)
        {
            Count(DepthLimit);
            notes.Add($"listing depth limit {maxDepth} reached: {Links(listings.Count)} not followed");
            listings = [];
        }
        else if (barren >= maxBarren)
        {
            // Links queued before (from a productive page) are read anyway; only the chain's new ones end here.
            var unknown = listings.Count(l => !_barren.ContainsKey(l));
            if (unknown > 0)
            {
                Count(ChainEnded(maxBarren));
                notes.Add($"{ChainEnded(maxBarren)}: {Links(unknown)} not followed");
            }

            listings = [];
        }
        else
        {
            foreach (var listing in listings)
            {
                _barren.AddOrUpdate(listing, barren, (_, known) => Math.Min(known, barren));
            }
        }

        if (links.Refused.Count > 0)
        {
            Count(TrapLink, links.Refused.Count);
            var names = links.Refused.SelectMany(r => r.Parameters).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
            notes.Add($"{links.Refused.Count} calendar or filter {(links.Refused.Count == 1 ? "link" : "links")} not followed ({string.Join(", ", names)})");
        }

        return new FollowedLinks(links.Articles, listings, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    private static string Links(int count) => count == 1 ? "1 listing link" : $"{count} listing links";
}
