using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pipeline.Extraction.Html;

/// <summary>
/// What a page states about itself in markup: meta tags, JSON-LD blocks, the first time element's
/// datetime and the title element. Gathered in the one walk over the page, not by repeated queries.
/// </summary>
internal sealed class PageFacts
{
    public List<(string Key, string Content)> Metas { get; } = [];

    public List<string> JsonLd { get; } = [];

    public string? TimeDateTime { get; set; }

    public string? Title { get; set; }

    public string? Meta(string key)
    {
        foreach (var (k, content) in Metas)
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(content))
            {
                return content;
            }
        }

        return null;
    }

    /// <summary>Notes the element if it states something; true when it did (then it is not read as text).</summary>
    public void Note(IElement e)
    {
        switch (e.LocalName)
        {
            case "meta":
                if (e.GetAttribute("content") is { } content
                    && (e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop")) is { } key)
                {
                    Metas.Add((key, content));
                }

                break;
            case "script":
                if (string.Equals(e.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    JsonLd.Add(e.TextContent);
                }

                break;
            case "title":
                Title ??= e.TextContent;
                break;
            case "time":
                TimeDateTime ??= e.GetAttribute("datetime");
                break;
        }
    }

    /// <summary>Reads the head, where most of these live; the body's share is noted by the block reader.</summary>
    public void ReadHead(IElement? head)
    {
        if (head is null)
        {
            return;
        }

        foreach (var e in head.Children)
        {
            Note(e);
            if (e.ChildElementCount > 0 && e.LocalName is not ("script" or "style"))
            {
                ReadHead(e);
            }
        }
    }
}

/// <summary>One HTML parser per thread: building one costs more than parsing a small page.</summary>
internal static class Parsers
{
    [ThreadStatic]
    private static HtmlParser? _parser;

    public static HtmlParser Html => _parser ??= new HtmlParser(new HtmlParserOptions { IsScripting = false });
}
