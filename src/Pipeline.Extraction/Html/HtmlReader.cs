using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pipeline.Extraction.Html;

/// <summary>A page's text and the metadata its markup states.</summary>
public sealed record HtmlText(string Text, string? Title, string? Published);

/// <summary>
/// Reads an HTML page into plain text for the extractor: scripts, navigation, forms and page
/// furniture dropped; blocks on their own lines; table cells kept apart so a row's figures do not
/// run together. Full boilerplate removal is the crawler's job; this keeps furniture out of figures.
/// </summary>
public static class HtmlReader
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "button", "select",
        "option", "svg", "canvas", "object", "embed", "input", "textarea", "label", "head",
    };

    // Dropped unless they hold the article: some portals (Oracle ADF) wrap the whole page in one form.
    private static readonly HashSet<string> Structural = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "aside", "form", "menu",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "blockquote",
        "figure", "figcaption", "dd", "dt", "dl", "pre", "hr", "caption", "tbody", "thead",
    };

    private static readonly string[] FurnitureMarks =
    [
        "menu", "nav", "footer", "header", "sidebar", "breadcrumb", "share", "social", "comment", "related", "pager", "pagination",
        "counter", "visitor", "thongke", "banner", "toolbar", "login", "search", "advert", "quangcao", "fontsize", "print", "tags", "rating",
    ];

    public static HtmlText Read(string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var title = Meta(document, "og:title") ?? document.QuerySelector("h1")?.TextContent.Trim() ?? document.Title?.Trim();
        var published = Meta(document, "article:published_time") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        var sb = new StringBuilder();
        if (document.Body is { } body)
        {
            Append(body, sb);
        }

        return new HtmlText(sb.ToString(), string.IsNullOrWhiteSpace(title) ? null : title, published?.Length >= 10 ? published[..10] : null);
    }

    private static string? Meta(IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content")?.Trim() is { Length: > 0 } v ? v : null;

    private static void Append(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement element when !IsFurniture(element):
                    var name = element.LocalName;
                    var block = Blocks.Contains(name);
                    if (block)
                    {
                        sb.Append('\n');
                    }

                    if (name is "td" or "th")
                    {
                        sb.Append(" | ");
                    }

                    if (name == "img")
                    {
                        break; // alt texts are file names or repeats of the caption
                    }

                    Append(element, sb);
                    if (block)
                    {
                        sb.Append('\n');
                    }

                    break;
            }
        }
    }

    private static bool IsFurniture(IElement element)
    {
        if (Dropped.Contains(element.LocalName))
        {
            return true;
        }

        var marks = ((element.GetAttribute("class") ?? "") + " " + (element.GetAttribute("id") ?? "")).ToLowerInvariant();
        var marked = Structural.Contains(element.LocalName)
                     || (marks.Length > 1 && FurnitureMarks.Any(m => marks.Contains(m, StringComparison.Ordinal)));
        return marked && element.LocalName != "body" && element.QuerySelectorAll("p").Length < 3; // a wrapper holding the article is not furniture
    }
}
