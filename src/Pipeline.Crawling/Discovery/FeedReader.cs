using System.Xml;

namespace Pipeline.Crawling.Discovery;

/// <summary>The items of a feed, and what went wrong reading it.</summary>
public sealed record FeedContent(IReadOnlyList<Announced> Items, string? Error);

/// <summary>Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds for their item links and dates.</summary>
public static class FeedReader
{
    public static FeedContent Read(byte[] body)
    {
        var items = new List<Announced>();
        string? error = null;
        try
        {
            using var input = SitemapReader.Open(body, 20L * 1024 * 1024);
            using var xml = XmlReader.Create(input, SitemapReader.Settings);
            string? link = null;
            DateTimeOffset? date = null;
            var inItem = false;
            // ReadElementContentAsString moves past the element, so the loop advances only when nothing was read.
            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "item" or "entry")
                {
                    (inItem, link, date) = (true, null, null);
                }
                else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName is "item" or "entry")
                {
                    if (link is not null && Uri.TryCreate(link.Trim(), UriKind.Absolute, out var url))
                    {
                        items.Add(new Announced(url, date));
                    }

                    inItem = false;
                }
                else if (inItem && xml.NodeType == XmlNodeType.Element && ReadField(xml, ref link, ref date))
                {
                    continue;
                }

                xml.Read();
            }
        }

        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            error = e.Message;
        }

        return new FeedContent(items, error);
    }

    /// <summary>Reads one field of an item; true when the reader has moved past it.</summary>
    private static bool ReadField(XmlReader xml, ref string? link, ref DateTimeOffset? date)
    {
        switch (xml.LocalName)
        {
            // Atom links carry the address in href; only the alternate (or unlabelled) one is the article.
            case "link" when xml.GetAttribute("href") is { } href:
                if (xml.GetAttribute("rel") is null or "alternate")
                {
                    link ??= href;
                }

                return false;
            case "link":
                var text = xml.ReadElementContentAsString();
                link ??= text;
                return true;
            case "guid" when xml.GetAttribute("isPermaLink") != "false":
                var guid = xml.ReadElementContentAsString();
                link ??= guid;
                return true;
            case "pubDate" or "published" or "updated" or "date":
                var when = ParseDate(xml.ReadElementContentAsString());
                date ??= when;
                return true;
            default:
                return false;
        }
    }

    // RFC 822 dates ("Tue, 05 Mar 2024 08:00:00 +0700") and ISO dates both parse with the invariant culture.
    private static DateTimeOffset? ParseDate(string text) => SitemapReader.Date(text.Replace("GMT", "+0000", StringComparison.Ordinal));
}
