using System.Globalization;
using System.Text;

namespace Pipeline.Sites;

/// <summary>Sitemaps (sitemaps.org 0.9) and RSS 2.0 feeds, as strings.</summary>
public static class Feeds
{
    public static string UrlSet(IEnumerable<(string Loc, DateOnly? Date)> urls)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?>""").Append('\n')
            .Append("""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">""").Append('\n');
        foreach (var (loc, date) in urls)
        {
            sb.Append("<url><loc>").Append(Markup.Esc(loc)).Append("</loc>")
                .Append(date is { } d ? $"<lastmod>{Markup.Format(d, "yyyy-MM-dd")}</lastmod>" : "").Append("</url>\n");
        }

        return sb.Append("</urlset>\n").ToString();
    }

    public static string SitemapIndex(IEnumerable<string> sitemaps, DateOnly? modified)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?>""").Append('\n')
            .Append("""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">""").Append('\n');
        foreach (var loc in sitemaps)
        {
            sb.Append("<sitemap><loc>").Append(Markup.Esc(loc)).Append("</loc>")
                .Append(modified is { } d ? $"<lastmod>{Markup.Format(d, "yyyy-MM-dd")}</lastmod>" : "").Append("</sitemap>\n");
        }

        return sb.Append("</sitemapindex>\n").ToString();
    }

    public static string Rss(Board board, Uri baseUrl, IEnumerable<(BoardArticle Article, string Url)> items)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?>""").Append('\n')
            .Append("""<rss version="2.0"><channel>""").Append('\n')
            .Append($"<title>{Markup.Esc(board.Title)}</title><link>{baseUrl}</link><description>Tin tức - Sự kiện</description><language>vi</language>\n");
        foreach (var (article, url) in items)
        {
            var at = Markup.Published(article).ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0700";
            sb.Append($"<item><title>{Markup.Esc(article.Title)}</title><link>{Markup.Esc(url)}</link><guid>{Markup.Esc(url)}</guid>")
                .Append($"<pubDate>{at}</pubDate><description>{Markup.Esc(Markup.Teaser(article))}</description></item>\n");
        }

        return sb.Append("</channel></rss>\n").ToString();
    }
}
