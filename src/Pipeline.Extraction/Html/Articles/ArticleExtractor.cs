using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Pipeline.Extraction.Documents;

namespace Pipeline.Extraction.Html;

/// <summary>
/// Reads a saved or crawled page as an article: title, published date and where it came from,
/// author line, clean body, attachments, and whether the page is a listing instead. Site selectors
/// win when given and matching; otherwise the generic content scorer finds the body. Pure: the same
/// page, URL, selectors and template give the same article.
/// </summary>
public static class ArticleExtractor
{
    /// <summary>Pages beyond this many characters are cut: no bulletin is that long, and parse time stays bounded.</summary>
    public const int MaxChars = 4_000_000;

    public static Article Extract(string html, Uri? url = null, ArticleSelectors? selectors = null, SiteTemplate? template = null)
    {
        var capped = Capped(html ?? "");
        // Not disposed: Dispose walks the whole tree to detach it (a third of the allocations), and nothing here holds resources.
        var document = Parsers.Html.ParseDocument(capped);
        var root = document.Body ?? document.DocumentElement;
        if (root is null)
        {
            return new Article { Reason = "empty" };
        }

        var facts = new PageFacts();
        facts.ReadHead(document.Head);
        var reader = BlockReader.Read(root, facts);
        var blocks = reader.Blocks;
        var (region, reason) = FindRegion(document, reader, selectors);
        var inRegion = new int[blocks.Count];
        var firstRegion = -1;
        var firstBody = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            inRegion[i] = RegionOf(reader, blocks[i].OwnerId, region);
            if (inRegion[i] >= 0)
            {
                firstRegion = firstRegion < 0 ? i : firstRegion;
                if (firstBody < 0 && blocks[i].Text.Length - blocks[i].LinkChars >= 60 && !blocks[i].IsHeading)
                {
                    firstBody = i;
                }
            }
        }

        firstBody = firstBody < 0 ? Math.Max(firstRegion, 0) : firstBody;
        var (title, titleIndex) = FindTitle(document, facts, blocks, inRegion, firstBody, selectors);
        string? titleDate = null;
        if (title is not null)
        {
            (title, titleDate) = DateReader.SplitTitleDate(title);
        }

        var date = SelectorDate(document, selectors) ?? DateReader.FromMeta(facts) ?? DateReader.FromJsonLd(facts)
                   ?? DateReader.FromTime(facts) ?? DateLine(blocks, titleIndex, firstRegion, firstBody, titleDate)
                   ?? LabelledDateLine(blocks, inRegion) ?? DateReader.FromUrl(url);

        var body = ReadBody(reader, inRegion, titleIndex, title, template);
        var listing = IsListing(body, reader.Links);
        if (capped.Length < (html?.Length ?? 0))
        {
            reason += $"; cut to the first {MaxChars:N0} characters";
        }

        return new Article
        {
            Title = title,
            Published = date?.Value,
            PublishedFrom = date?.From,
            Author = body.Author,
            Site = SiteName(facts, blocks, inRegion),
            Body = Join(body.Kept),
            Attachments = FindAttachments(reader, region, url),
            IsListing = listing.Listing,
            Reason = listing.Listing ? reason + "; listing: " + listing.Why : reason,
        };
    }

    /// <summary>The page cut to <see cref="MaxChars"/>, so huge inputs cost bounded work.</summary>
    public static string Capped(string html) => html.Length > MaxChars ? html[..MaxChars] : html;

    private static (IReadOnlyList<int> Region, string Reason) FindRegion(IDocument document, BlockReader reader, ArticleSelectors? selectors)
    {
        if (Select(document, selectors?.Body) is { Count: > 0 } chosen)
        {
            var index = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < reader.Elements.Count; i++)
            {
                index[reader.Elements[i]] = i;
            }

            var ids = chosen.Select(e => index.GetValueOrDefault(e, -1)).Where(id => id >= 0).ToList();

            // Nested matches (a selector matching both a wrapper and its child) would read text twice.
            var outer = ids.Where(e => !ids.Any(o => o != e && IsInside(reader, e, o))).ToList();
            if (outer.Count > 0)
            {
                return (outer, "selector " + selectors!.Body);
            }
        }

        var scored = ContentScorer.Choose(reader);
        var top = reader.Elements[scored.Top];
        var cls = top.GetAttribute("class") is { Length: > 0 } c ? "." + c.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] : "";
        var id = top.Id is { Length: > 0 } topId ? "#" + topId : "";
        return (scored.Elements, $"scored {top.LocalName}{id}{cls} ({scored.Score:0.0})");
    }

    private static List<IElement>? Select(IDocument document, string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return null;
        }

        try
        {
            var found = document.QuerySelectorAll(selector).Where(e => !string.IsNullOrWhiteSpace(e.TextContent)).ToList();
            return found.Count > 0 ? found : null;
        }
        catch (DomException)
        {
            return null; // a bad selector in the registry must not lose the page
        }
    }

    private static FoundDate? SelectorDate(IDocument document, ArticleSelectors? selectors)
    {
        if (Select(document, selectors?.Date) is not { } found)
        {
            return null;
        }

        foreach (var e in found)
        {
            var raw = e.GetAttribute("datetime") ?? e.GetAttribute("content") ?? e.TextContent;
            if (DateReader.Parse(raw) is { } value)
            {
                return new FoundDate(value, "selector");
            }
        }

        return null;
    }

    private static (string? Title, int Index) FindTitle(IDocument document, PageFacts facts, IReadOnlyList<TextBlock> blocks, int[] inRegion, int firstBody, ArticleSelectors? selectors)
    {
        if (Select(document, selectors?.Title) is [var chosen, ..])
        {
            var text = Collapse(chosen.TextContent);
            var at = -1;
            for (var i = 0; i < blocks.Count && at < 0; i++)
            {
                at = blocks[i].Text == text ? i : -1;
            }

            return (text, at);
        }

        var reference = Reference(facts);
        var best = -1;
        var bestHeading = -1;
        for (var i = 0; i < blocks.Count && i <= firstBody; i++)
        {
            var b = blocks[i];
            var outside = b.FurnitureId >= 0 && inRegion[i] < 0;
            if (outside || b.Text.Length is < 8 or > 300 || b.LinkChars * 2 > b.Text.Length || NotTitle(b.Text))
            {
                continue;
            }

            var titled = b.IsHeading || Furniture.HasTitleHint(b.Owner);
            if (!titled)
            {
                continue;
            }

            if (reference is not null && Similar(b.Text, reference))
            {
                best = i;
            }

            if (b.Owner.LocalName is "h1" or "h2" || Furniture.HasTitleHint(b.Owner) || firstBody - i <= 3)
            {
                bestHeading = i;
            }
        }

        var index = best >= 0 ? best : bestHeading >= 0 ? bestHeading : BoldLine(blocks, inRegion, firstBody);
        index = index >= 0 ? index : LineAboveDate(blocks, firstBody);
        if (index >= 0)
        {
            return (blocks[index].Text, index);
        }

        // The page's <title> stands in only when it reads as a headline: "Tin hoạt động" or a site's name does not.
        return reference is not null && HeaderLines.ReadsAsHeadline(reference) && !NotTitle(reference) ? (reference, -1) : (null, -1);
    }

    // Hand-made pages set the title as bold or big text in a cell: a short line, wholly bold, just above the body.
    private static int BoldLine(IReadOnlyList<TextBlock> blocks, int[] inRegion, int firstBody)
    {
        for (var i = firstBody - 1; i >= 0 && i >= firstBody - 4; i--)
        {
            var b = blocks[i];
            if (NotTitle(b.Text))
            {
                continue; // a bold caption or date line under the headline: look above it
            }

            if ((b.FurnitureId < 0 || inRegion[i] >= 0) && b.Text.Length is >= 8 and <= 250 && !b.Text.EndsWith('.') && b.LinkChars == 0
                && Bold(b.Owner) is { } bold && Collapse(bold.TextContent) == b.Text)
            {
                return i;
            }
        }

        return -1;
    }

    // Plain-span portals (Oracle ADF) give the title no mark at all: it is the short line just above the date line.
    private static int LineAboveDate(IReadOnlyList<TextBlock> blocks, int firstBody)
    {
        for (var i = firstBody - 1; i >= 1 && i >= firstBody - 4; i--)
        {
            var above = blocks[i - 1];
            if (DateReader.IsDateLine(blocks[i].Text, out _, out _) && above.Text.Length is >= 8 and <= 250 && above.LinkChars == 0
                && !above.Text.EndsWith('.') && !NotTitle(above.Text))
            {
                return i - 1;
            }
        }

        return -1;
    }

    /// <summary>A line that is never a headline: a date line, a photo caption, a breadcrumb, a menu, an advert heading, mangled text.</summary>
    private static bool NotTitle(string text) =>
        HeaderLines.Rule(text, NotTitleKinds) is not null;

    private static readonly IReadOnlySet<LineKind> NotTitleKinds = new HashSet<LineKind>
    {
        LineKind.Date, LineKind.Caption, LineKind.Breadcrumb, LineKind.Menu, LineKind.Advert, LineKind.Mangled,
    };

    // Short lines that are never body text: a breadcrumb, a menu, a date line with no day ("date 2021-02").
    private static readonly IReadOnlySet<LineKind> OutOfBodyKinds = new HashSet<LineKind> { LineKind.Breadcrumb, LineKind.Menu, LineKind.Date };

    private static IElement? Bold(IElement e)
    {
        foreach (var child in e.Children)
        {
            if (child.LocalName is "b" or "strong")
            {
                return child;
            }

            if (Bold(child) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static string? Reference(PageFacts facts)
    {
        if (facts.Meta("og:title") is { } og)
        {
            return Collapse(og);
        }

        var title = facts.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        // "Article title - Site name": the longest part is the article's.
        return Collapse(title.Split([" - ", " | ", " :: ", " – ", " — "], StringSplitOptions.RemoveEmptyEntries).MaxBy(p => p.Length) ?? title);
    }

    private static bool Similar(string candidate, string reference)
    {
        var a = DateReader.SplitTitleDate(candidate).Title;
        if (a.Length < 8)
        {
            return false;
        }

        return reference.Contains(a, StringComparison.OrdinalIgnoreCase) || a.Contains(reference, StringComparison.OrdinalIgnoreCase)
               || (a.Length >= 30 && reference.Length >= 30 && string.Compare(a, 0, reference, 0, 30, StringComparison.OrdinalIgnoreCase) == 0);
    }

    private static string? SiteName(PageFacts facts, IReadOnlyList<TextBlock> blocks, int[] inRegion)
    {
        if (facts.Meta("og:site_name") is { } og)
        {
            return Collapse(og);
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var text = blocks[i].Text;
            if ((inRegion[i] < 0 || Furniture.IsContactLine(text)) && text.Length <= 200 && PageWords.PublisherWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return text;
            }
        }

        return null;
    }

    private static FoundDate? DateLine(IReadOnlyList<TextBlock> blocks, int titleIndex, int firstRegion, int firstBody, string? titleDate)
    {
        var from = Math.Max(0, (titleIndex >= 0 ? titleIndex : Math.Max(firstRegion, 0)) - 3);
        var to = Math.Min(blocks.Count - 1, Math.Max(firstBody, titleIndex) + 3);
        string? first = null;
        for (var i = from; i <= to; i++)
        {
            if (!DateReader.IsTodayLine(blocks[i].Text) && DateReader.IsDateLine(blocks[i].Text, out var date, out var published))
            {
                if (published)
                {
                    return new FoundDate(date!, "date-line");
                }

                first ??= date;
            }
        }

        var found = titleDate ?? first;
        return found is null ? null : new FoundDate(found, "date-line");
    }

    // Some portals put "Ngày đăng: 02/06/2022 10:41" under the article's last paragraph: a labelled date line anywhere in the article.
    private static FoundDate? LabelledDateLine(IReadOnlyList<TextBlock> blocks, int[] inRegion)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (inRegion[i] >= 0 && !blocks[i].IsRow && !DateReader.IsTodayLine(blocks[i].Text) && DateReader.IsDateLine(blocks[i].Text, out var date, out var published) && published)
            {
                return new FoundDate(date!, "date-line");
            }
        }

        return null;
    }

    private sealed record BodyRead(List<TextBlock> Kept, string? Author, int LinkItems);

    private static BodyRead ReadBody(BlockReader reader, int[] inRegion, int titleIndex, string? title, SiteTemplate? template)
    {
        var blocks = reader.Blocks;
        var kept = new List<TextBlock>();
        string? author = null;
        var linkItems = 0;
        var advert = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            var region = inRegion[i];
            if (region < 0 || i == titleIndex)
            {
                continue;
            }

            var b = blocks[i];
            var text = b.Text;
            if (advert >= 0 && (b.OwnerId == advert || IsInside(reader, b.OwnerId, advert)))
            {
                continue; // inside an advert or partner box
            }

            advert = -1;
            if (!b.IsRow && Furniture.IsAdvertHeading(text))
            {
                advert = AdvertBox(reader, b, region);
                continue;
            }

            if (!b.IsRow && MangledText.IsMangled(text))
            {
                continue;
            }

            if (!b.IsRow && kept.Count > 0 && Furniture.EndsArticle(text))
            {
                break;
            }

            if (b.FurnitureId is var mark and >= 0 && mark != region && IsInside(reader, mark, region))
            {
                // A teaser's own <header> holds its linked title: furniture for the body, evidence of a listing.
                linkItems += reader.Elements[mark].LocalName == "header" ? b.TitleLinks : 0;
                continue;
            }

            linkItems += b.TitleLinks;
            if (b.LinkChars * 2 > text.Length)
            {
                continue;
            }

            if (!b.IsRow)
            {
                if (Furniture.IsFurnitureOnly(text) || Furniture.IsFileNameCaption(text) || Furniture.IsContactLine(text) || DateReader.IsDateLine(text, out _, out _)
                    || (text.Length <= 200 && HeaderLines.Rule(text, OutOfBodyKinds) is not null)
                    || (title is not null && SameText(DateReader.SplitTitleDate(text).Title, title)))
                {
                    continue;
                }

                if (author is null && (Furniture.IsAuthorLine(text) || (text.Length <= 100 && AuthorMarked(b.Owner, reader.Elements[region]))))
                {
                    author = text;
                    continue;
                }
            }

            if ((template is not null && template.Contains(text)) || (kept.Count > 0 && kept[^1].Text == text))
            {
                continue;
            }

            kept.Add(b);
        }

        if (author is null && kept.Count >= 2 && !kept[^1].IsRow && Furniture.IsSignature(kept[^1].Text))
        {
            author = kept[^1].Text;
            kept.RemoveAt(kept.Count - 1);
        }

        return new BodyRead(kept, author, linkItems);
    }

    /// <summary>
    /// The box an advert heading stands at the top of: its own element when the heading is written straight into
    /// the box ("&lt;div&gt;&lt;b&gt;Free Ads&lt;/b&gt;&lt;p&gt;…"), else its parent; never the article's region or above it.
    /// </summary>
    private static int AdvertBox(BlockReader reader, TextBlock heading, int region)
    {
        var owner = heading.OwnerId;
        var box = heading.Owner.LocalName is "div" or "section" or "aside" or "td" && heading.Owner.TextContent.Trim().Length > heading.Text.Length + 10
            ? owner
            : reader.Parents[owner];
        return box < 0 || box == region || IsInside(reader, region, box) ? -1 : box;
    }

    private static bool AuthorMarked(IElement owner, IElement region)
    {
        var hops = 0;
        for (var e = owner; e is not null && e != region && hops < 3; e = e.ParentElement, hops++)
        {
            if (Furniture.HasAuthorHint(e))
            {
                return true;
            }
        }

        return false;
    }

    private static (bool Listing, string Why) IsListing(BodyRead body, IReadOnlyList<LinkSeen> links)
    {
        var paragraphs = body.Kept.Count(b => !b.IsRow && b.Text.Length - b.LinkChars >= 80);
        var chars = body.Kept.Sum(b => b.Text.Length);
        if (body.LinkItems >= 5 && body.LinkItems >= paragraphs)
        {
            return (true, $"{body.LinkItems} article links, {paragraphs} paragraphs");
        }

        var pageLinks = links.Count(l => l.FurnitureId < 0 && l.Text.Length >= 25 && !Attachments.IsFile(l.Href));
        if (paragraphs == 0 && chars < 200 && pageLinks >= 8)
        {
            return (true, $"{chars} characters of text, {pageLinks} article links on the page");
        }

        return (false, "");
    }

    private static List<Attachment> FindAttachments(BlockReader reader, IReadOnlyList<int> region, Uri? url)
    {
        var found = new List<Attachment>();
        foreach (var link in reader.Links)
        {
            if (!Attachments.IsFile(link.Href) || !(RegionOf(reader, link.Id, region) >= 0 || AttachmentMarked(link.Element)))
            {
                continue;
            }

            var absolute = Attachments.Resolve(link.Href, url);
            if (!found.Exists(a => a.Url == absolute))
            {
                var name = link.Text.Length > 0 ? link.Text : Uri.UnescapeDataString(absolute.Split('?')[0].Split('/')[^1]);
                found.Add(new Attachment(absolute, name));
            }
        }

        return found;
    }

    private static bool AttachmentMarked(IElement link)
    {
        var hops = 0;
        for (var e = link.ParentElement; e is not null && hops < 5; e = e.ParentElement, hops++)
        {
            if (Furniture.HasAttachmentHint(e))
            {
                return true;
            }
        }

        return false;
    }

    private static string Join(List<TextBlock> kept)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < kept.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(kept[i].IsRow && kept[i - 1].IsRow ? "\n" : "\n\n");
            }

            sb.Append(kept[i].Text);
        }

        return sb.ToString();
    }

    /// <summary>The region element holding the element (itself or an ancestor), or -1.</summary>
    private static int RegionOf(BlockReader reader, int element, IReadOnlyList<int> region)
    {
        for (var e = element; e >= 0; e = reader.Parents[e])
        {
            foreach (var r in region)
            {
                if (e == r)
                {
                    return r;
                }
            }
        }

        return -1;
    }

    private static bool IsInside(BlockReader reader, int element, int ancestor)
    {
        for (var e = reader.Parents[element]; e >= 0; e = reader.Parents[e])
        {
            if (e == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameText(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
