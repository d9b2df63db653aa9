using AngleSharp.Html.Parser;
using Pipeline.Crawling.Decoding;
using Pipeline.Crawling.Registry;

namespace Pipeline.Crawling;

/// <summary>
/// The crawler's page reader for real portals: bytes decoded by <see cref="PageDecoder"/> (BOM,
/// header, meta, sniffing, legacy fonts); a page counts as a listing when most of its text is links.
/// </summary>
public sealed class PortalPageReader : IPageReader
{
    public string Decode(byte[] body, string? contentType) => PageDecoder.Decode(body, contentType).Text;

    public PageVerdict Judge(string html, Uri url, Source source)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var body = document.Body;
        if (body is null)
        {
            return new PageVerdict(false, null);
        }

        // Paragraph text outside links is what an article has and a list of teasers lacks.
        var paragraphs = body.QuerySelectorAll("p").Where(p => p.Closest("a") is null && p.QuerySelector("a") is null).Sum(p => p.TextContent.Trim().Length);
        var links = body.QuerySelectorAll("a[href]").Count(a => source.ArticlePattern.IsMatch(a.GetAttribute("href") ?? ""));
        return new PageVerdict(links >= 8 && paragraphs < 1500, null);
    }
}
