using Pipeline.Crawling.Urls;

namespace Pipeline.Crawling.Tests;

public sealed class UrlTests
{
    [Theory]
    [InlineData("HTTPS://BQLKCN.Example.gov.vn:443/Pages/Tin-Tuc.aspx#top", "https://bqlkcn.example.gov.vn/Pages/Tin-Tuc.aspx")]
    [InlineData("http://x.vn/tin?utm_source=fb&id=5&fbclid=abc&cat=2", "http://x.vn/tin?cat=2&id=5")]
    [InlineData("http://x.vn/a?b=2&a=1&a=0", "http://x.vn/a?a=0&a=1&b=2")]
    [InlineData("http://x.vn/a;jsessionid=ABC123?p=1", "http://x.vn/a?p=1")]
    [InlineData("http://x.vn:8080/a?", "http://x.vn:8080/a")]
    [InlineData("http://x.vn/web/guest/-/tin?p_p_id=101&_101_cur=2&zarsrc=30", "http://x.vn/web/guest/-/tin?_101_cur=2&p_p_id=101")]
    public void OnePagesManySpellingsBecomeOne(string given, string canonical) =>
        Assert.Equal(canonical, UrlCanonicalizer.Parse(given)!.AbsoluteUri);

    [Theory]
    [InlineData("mailto:bql@x.vn")]
    [InlineData("javascript:void(0)")]
    [InlineData("#noi-dung")]
    [InlineData("tel:02223822123")]
    [InlineData("ftp://x.vn/a")]
    [InlineData("")]
    public void LinksThatAreNotPagesAreDropped(string href) =>
        Assert.Null(UrlCanonicalizer.Resolve(new Uri("http://x.vn/tin-tuc/"), href));

    [Fact]
    public void RelativeLinksResolveAgainstThePage() =>
        Assert.Equal("http://x.vn/tin-tuc/bai-1.html", UrlCanonicalizer.Resolve(new Uri("http://x.vn/tin-tuc/trang-2.html"), " bai-1.html ")!.AbsoluteUri);
}
