namespace Pipeline.Extraction.Html;

/// <summary>
/// Text blocks a site repeats on most of its pages (a slogan, a standing notice, a signature box),
/// as hashes of their normalised text, with how many pages the template was learnt from.
/// Plain data so the crawler can store it per site.
/// </summary>
public sealed record SiteTemplate(int PagesObserved, IReadOnlyList<ulong> Hashes)
{
    public static readonly SiteTemplate Empty = new(0, []);

    private HashSet<ulong>? _lookup;

    public bool Contains(string block) => Hashes.Count > 0 && (_lookup ??= [.. Hashes]).Contains(BlockHash.Of(block));
}

/// <summary>
/// Learns a site's template from its pages: a block seen on at least <see cref="Share"/> of at least
/// <see cref="MinPages"/> observed pages is template. Not thread-safe: one learner per site.
/// </summary>
public sealed class TemplateLearner
{
    // Counts of blocks seen once are dropped past this size, so a long crawl does not grow without bound.
    private const int MaxTracked = 200_000;

    private readonly Dictionary<ulong, int> _pagesWith = [];

    public int MinPages { get; init; } = 3;

    public double Share { get; init; } = 0.6;

    public int PagesObserved { get; private set; }

    /// <summary>Reads one page of the site and counts each distinct block once.</summary>
    public void Observe(string html)
    {
        var document = Parsers.Html.ParseDocument(ArticleExtractor.Capped(html));
        if (document.Body is not { } body)
        {
            return;
        }

        var seen = new HashSet<ulong>();
        foreach (var block in BlockReader.Read(body).Blocks)
        {
            var hash = BlockHash.Of(block.Text);
            if (seen.Add(hash))
            {
                _pagesWith[hash] = _pagesWith.GetValueOrDefault(hash) + 1;
            }
        }

        PagesObserved++;
        if (_pagesWith.Count > MaxTracked)
        {
            foreach (var once in _pagesWith.Where(kv => kv.Value == 1).Select(kv => kv.Key).ToList())
            {
                _pagesWith.Remove(once);
            }
        }
    }

    public SiteTemplate Snapshot()
    {
        if (PagesObserved < MinPages)
        {
            return new SiteTemplate(PagesObserved, []);
        }

        var needed = Math.Max(2, (int)Math.Ceiling(Share * PagesObserved));
        return new SiteTemplate(PagesObserved, _pagesWith.Where(kv => kv.Value >= needed).Select(kv => kv.Key).Order().ToList());
    }
}

/// <summary>A 64-bit FNV-1a hash of a block's text, lower-cased, spaces collapsed and digit runs read as one "0" (counters change).</summary>
public static class BlockHash
{
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        var lastDigit = false;
        var lastSpace = true;
        foreach (var raw in text)
        {
            char c;
            if (char.IsDigit(raw))
            {
                if (lastDigit)
                {
                    continue;
                }

                c = '0';
                lastDigit = true;
                lastSpace = false;
            }
            else if (char.IsWhiteSpace(raw))
            {
                if (lastSpace)
                {
                    continue;
                }

                c = ' ';
                lastSpace = true;
                lastDigit = false;
            }
            else
            {
                c = char.ToLowerInvariant(raw);
                lastDigit = false;
                lastSpace = false;
            }

            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
