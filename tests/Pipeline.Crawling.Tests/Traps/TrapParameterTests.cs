using Pipeline.Crawling.Discovery;
using Pipeline.Crawling.Registry;

namespace Pipeline.Crawling.Tests.Traps;

public sealed class TrapParameterTests
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in TrapParameters.Names)
        {
            data.Add(name.Example, name.Name);
        }

        return data;
    }

    /// <summary>Every word of the table, in the link beside it, is found.</summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void EachTableWordIsFoundInItsExample(string example, string word)
    {
        var found = TrapParameters.In(new Uri(new Uri("https://x.vn/"), example));

        Assert.Contains(found, n => n.Split('_', '-', '.').Contains(word, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/tin-tuc?ngaydang=15/03/2024&page=1", "ngaydang")] // a date value, whatever the name
    [InlineData("/news?published=2024-03&page=2", "published")]
    [InlineData("/news?d=2024%2F03%2F15", "d")]
    [InlineData("/tin-tuc?denngay=31/01/2024&tungay=01/01/2024", "denngay,tungay")]
    [InlineData("/Pages/default.aspx?Page=2", "")] // pagers and categories are listings
    [InlineData("/web/bqlkcn/tin-tuc?_101_INSTANCE_Xk3p_cur=2&p_p_id=101_INSTANCE_Xk3p", "")]
    [InlineData("/danh-muc?cat=5&page=2", "")]
    [InlineData("/news/category/page-2", "")]
    [InlineData("/tin-tuc?display=list&update=1&page=2", "")] // words inside other words do not count
    [InlineData("/news?id=2024&page=3", "")] // a year-like number alone is not a date
    public void DateValuesAreFoundAndPagersAreNot(string link, string expected)
    {
        var found = TrapParameters.In(new Uri(new Uri("https://x.vn/"), link));

        Assert.Equal(expected, string.Join(",", found.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void ACalendarLinkMatchingTheListingPatternIsRefusedNotFollowed()
    {
        var source = SourceRegistry.Parse("""
            {"sources": [{"name": "x", "title": "Ban", "province": "Bắc Ninh", "kind": "KCN", "base_url": "https://x.vn/", "platform": "generic"}]}
            """).Sources[0];
        const string Html = """
            <a href="/tin-tuc?page=2">2</a>
            <a href="/tin-tuc?page=1&amp;thang=2&amp;nam=2024">‹</a>
            <a href="/tin-tuc?page=1&amp;sort=ngay">Cũ trước</a>
            <a href="/bai-viet?id=12&amp;ngay=2024-03-15">Tin</a>
            """;

        var links = LinkExtractor.Read(Html, new Uri("https://x.vn/tin-tuc?page=1"), source);

        Assert.Equal(["https://x.vn/tin-tuc?page=2"], links.Listings.Select(u => u.AbsoluteUri));
        Assert.Equal(["nam,thang", "sort"], links.Refused.Select(r => string.Join(",", r.Parameters.Order(StringComparer.Ordinal))));
        Assert.Single(links.Articles); // an article link is never refused
    }
}
