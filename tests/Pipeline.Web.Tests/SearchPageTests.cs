using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Application;
using Pipeline.Core;
using Pipeline.Learning.Pages;
using Pipeline.Search;
using Pipeline.Web.Html;
using Pipeline.Web.Pages;

namespace Pipeline.Web.Tests;

/// <summary>The search page ("/") and GET /api/search over the bundled corpus, through HTTP.</summary>
[Collection("web")]
public sealed partial class SearchPageTests(WebFixture web)
{
    [Fact]
    public async Task AnUnaccentedQueryFindsAccentedDocumentsWithTheirMatchesMarked()
    {
        var html = await Page("/?q=lao+dong");
        Assert.Matches(@"<p class=""summary"" role=""status"">\d+ văn bản khớp", html);
        var marks = Marks().Matches(html).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
        Assert.Contains("lao", marks);
        Assert.Contains("động", marks); // typed without its diacritics, marked as the page writes it
        Assert.Equal(SearchQuery.PageSize, Hits().Matches(html).Count);
    }

    [Fact]
    public async Task EachHitLinksToItsDocumentByItsSourceUrlAndShowsDateAndBoard()
    {
        using var json = await Api("/api/search?q=lao+dong&limit=1");
        var hit = json.RootElement.GetProperty("hits")[0];
        var html = await Page("/?q=lao+dong");
        var first = Hits().Matches(html)[0].Value;
        Assert.Contains($"href=\"/document?url={Uri.EscapeDataString(hit.GetProperty("source").GetString()!)}\"", first);
        var published = hit.GetProperty("published").GetString()!;
        Assert.Contains($"<time datetime=\"{published}\">{published[8..10]}/{published[5..7]}/{published[..4]}</time>", first);
        Assert.Contains(Markup.Text(hit.GetProperty("board").GetString()).ToString(), first);
    }

    [Fact]
    public async Task TheApiAnswersInTheShapeTheCliPrints()
    {
        var request = new SearchRequest { Text = "vốn FDI", Province = "Bắc Giang", Limit = 5 };
        var cli = JsonSerializer.Serialize(Searches.Search(web.Index, request), FigureJson.Options);
        using var response = await web.Http.GetAsync("/api/search?q=v%E1%BB%91n+FDI&province=B%E1%BA%AFc+Giang&limit=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cli, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FiltersNarrowTheHitsAndTheFacetsCountThem()
    {
        using var all = await Api("/api/search?q=lao+dong");
        using var narrowed = await Api("/api/search?q=lao+dong&province=bac+ninh&from=2016&to=2020&type=event");
        var total = narrowed.RootElement.GetProperty("total").GetInt32();
        Assert.InRange(total, 1, all.RootElement.GetProperty("total").GetInt32() - 1);
        foreach (var hit in narrowed.RootElement.GetProperty("hits").EnumerateArray())
        {
            Assert.Equal("Bắc Ninh", hit.GetProperty("province").GetString()); // typed without diacritics, read as the province
            Assert.InRange(int.Parse(hit.GetProperty("published").GetString()![..4]), 2016, 2020);
            Assert.Equal("event", hit.GetProperty("page_type").GetString());
        }

        var provinces = narrowed.RootElement.GetProperty("facets").GetProperty("province");
        Assert.Equal(total, provinces.EnumerateArray().Single().GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task AFigureFilterKeepsOnlyDocumentsReportingSuchAFigureAndShowsIt()
    {
        using var json = await Api("/api/search?q=FDI&metric=investment_capital&min=1.000.000.000&unit=USD");
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains(h.GetProperty("figures").EnumerateArray(), f =>
            f.GetProperty("metric").GetString() == "investment_capital" && f.GetProperty("value").GetDecimal() >= 1_000_000_000m && f.GetProperty("unit").GetString() == "USD"));

        var html = await Page("/?q=FDI&metric=investment_capital&min=1.000.000.000&unit=USD");
        Assert.Contains("<ul class=\"hit-figures\">", html);
        Assert.Contains("<span>Vốn đầu tư</span> <strong>", html);
        Assert.Contains("<option value=\"investment_capital\" selected>", html); // the form shows the filter it ran
        Assert.Contains("value=\"1000000000\"", html);
    }

    [Fact]
    public async Task PagesFollowEachOtherWithoutRepeatingOrSkippingAHit()
    {
        using var whole = await Api("/api/search?q=lao+dong&limit=30");
        var expected = Sources(whole);
        var paged = new List<string>();
        for (var offset = 0; offset < 30; offset += 10)
        {
            using var page = await Api($"/api/search?q=lao+dong&offset={offset}&limit=10");
            paged.AddRange(Sources(page));
        }

        Assert.Equal(30, expected.Count);
        Assert.Equal(expected, paged);
    }

    [Fact]
    public async Task ThePageLinksThePreviousAndNextPagesKeepingTheSearch()
    {
        var html = await Page("/?q=lao+dong&province=bac+giang&page=2");
        Assert.Contains("<ol class=\"hits\" id=\"hits\" tabindex=\"-1\" start=\"11\">", html);
        Assert.Contains("href=\"/?q=lao%20dong&amp;province=bac%20giang\" rel=\"prev\"", html);
        Assert.Contains("aria-current=\"page\" aria-label=\"Trang 2\">2</a>", html);
        using var page2 = await Api("/api/search?q=lao+dong&province=bac+giang&offset=10");
        var hits = Hits().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(Sources(page2).Select(s => $"href=\"/document?url={Uri.EscapeDataString(s)}\""), hits.Select(h => Regex.Match(h, "href=\"/document[^\"]*\"").Value));
    }

    [Fact]
    public async Task SortingByDateListsTheNewestFirstAndKeepsTheMatchCount()
    {
        using var relevance = await Api("/api/search?q=lao+dong&limit=50");
        using var byDate = await Api("/api/search?q=lao+dong&limit=50&sort=date");
        Assert.Equal(relevance.RootElement.GetProperty("total").GetInt32(), byDate.RootElement.GetProperty("total").GetInt32());
        var dates = byDate.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("published").GetString() ?? "").ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.NotEqual(Sources(relevance), Sources(byDate));

        var html = await Page("/?q=lao+dong&sort=date");
        Assert.Contains("<a href=\"/?q=lao%20dong&amp;sort=date\" aria-current=\"true\">Mới nhất</a>", html);
        Assert.Contains("<option value=\"date\" selected>", html);
    }

    [Fact]
    public async Task FacetLinksCarryTheWholeSearchAndTheActiveOneRemovesItself()
    {
        var html = await Page("/?q=lao+dong&sort=date&lang=en");
        var provinceLinks = FacetLinks(html, "province");
        Assert.NotEmpty(provinceLinks);
        Assert.All(provinceLinks, href => Assert.Matches(@"^/\?q=lao%20dong&amp;province=[^&]+&amp;sort=date&amp;lang=en$", href));
        var yearLinks = FacetLinks(html, "year");
        Assert.All(yearLinks, href => Assert.Matches(@"from=(\d{4})&amp;to=\1", href));

        var narrowed = await Page("/?q=lao+dong&province=B%E1%BA%AFc+Ninh");
        Assert.Contains("<a href=\"/?q=lao%20dong\" aria-current=\"true\"", narrowed); // clicking the chosen province again lifts the filter
    }

    [Theory]
    [InlineData("/?q=abc&from=20x5", "from", "'from' phải là số nguyên từ 1900 đến 2100, không phải '20x5'", "'from' must be a whole number from 1900 to 2100, not '20x5'")]
    [InlineData("/?q=abc&year=2020", "year", "không có tham số 'year'", "unknown parameter 'year'")]
    [InlineData("/?q=abc&province=Atlantis", "province", "'Atlantis' không phải tên tỉnh, thành phố nào", "'Atlantis' is none")]
    [InlineData("/?q=abc&type=blog", "type", "'type' phải là một trong: report", "'type' must be one of report")]
    [InlineData("/?q=abc&metric=gdp", "metric", "'metric' phải là một trong: admin_procedures", "'metric' must be one of admin_procedures")]
    [InlineData("/?q=abc&from=2024&to=2020", "from", "'from' (2024) lớn hơn 'to' (2020)", "'from' (2024) is after 'to' (2020)")]
    [InlineData("/?q=abc&min=9&max=1", "min", "'min' (9) lớn hơn 'max' (1)", "'min' (9) is above 'max' (1)")]
    [InlineData("/?q=abc&unit=furlong", "unit", "'unit' phải là một trong:", "'unit' must be one of")]
    [InlineData("/?q=abc&page=0", "page", "'page' phải là số nguyên từ 1", "'page' must be a whole number from 1")]
    [InlineData("/?q=abc&sort=random", "sort", "'sort' phải là một trong: relevance, date", "'sort' must be one of relevance, date")]
    [InlineData("/?q=a&q=b", "q", "'q' được gửi 2 lần", "'q' is given 2 times")]
    [InlineData("/?q=%22%22", "q", "hãy nhập từ cần tìm", "give words to search for")]
    public async Task ABadParameterIsA400PageSayingWhatIsWrongInThePagesLanguage(string path, string parameter, string vietnamese, string english)
    {
        foreach (var (url, heading, message) in new[] { (path, "Yêu cầu không hợp lệ", vietnamese), (path + "&lang=en", "Bad request", english) })
        {
            using var response = await web.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(heading, html);
            var said = WebUtility.HtmlDecode(Regex.Match(html, "<p class=\"message\"[^>]*>(.*?)</p>").Groups[1].Value);
            Assert.Contains(message, said);
            Assert.DoesNotContain("--", said); // the URL's names, not the CLI's options
            Assert.DoesNotContain("Exception", html);
        }

        // The JSON API names the parameter and answers in English, whatever the language.
        using var api = await web.Http.GetAsync(path.Replace("/?", "/api/search?", StringComparison.Ordinal).Replace("page=0", "offset=-1", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal(parameter == "page" ? "offset" : parameter, json.RootElement.GetProperty("parameter").GetString());
        if (parameter != "page")
        {
            Assert.Contains(english, json.RootElement.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task AQueryHoldingMarkupIsWrittenAsTextEverywhere()
    {
        const string hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> lao động";
        var html = await Page("/?q=" + Uri.EscapeDataString(hostile));
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt; lao động\"", html);
        Assert.Contains("<title>&lt;script&gt;", html);
    }

    [Fact]
    public void ASnippetsMarkersBecomeMarkAndEverythingElseIsEncoded()
    {
        Assert.Equal("a <mark>b</mark> c", SearchPage.Highlight("a **b** c").ToString());
        Assert.Equal("&lt;i&gt; <mark>&lt;b&gt;</mark>", SearchPage.Highlight("<i> **<b>**").ToString());
        Assert.Equal("x y", SearchPage.Highlight("x **y").ToString()); // a text holding "**" itself: no half-open mark
    }

    [Fact]
    public async Task WithoutAQueryThePageOffersTheFormAndExamples()
    {
        var html = await Page("/");
        Assert.Contains("<input type=\"search\" id=\"q\" name=\"q\" value=\"\"", html);
        Assert.Contains("<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">", html);
        Assert.Contains("href=\"/?q=khu%20cong%20nghiep%20Binh%20Duong\"", html);
        Assert.DoesNotContain("class=\"hits\"", html);
    }

    [Fact]
    public async Task EnglishKeepsItsLanguageThroughTheFormAndTheLinks()
    {
        var html = await Page("/?q=lao+dong&lang=en");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"en\">", html);
        Assert.Matches(@"<p class=""summary"" role=""status"">\d+ documents match", html);
        Assert.Contains("href=\"/?q=lao%20dong&amp;page=2&amp;lang=en\" rel=\"next\"", html);
        Assert.Contains("href=\"/?q=lao%20dong\" hreflang=\"vi\"", html); // the other language, same search
    }

    [Fact]
    public void EveryMetricAndPageTypeHasANameInBothLanguages()
    {
        Assert.All(Enum.GetValues<Metric>(), m => Assert.True(SearchPage.MetricNames.ContainsKey(m), $"{m} has no name"));
        Assert.All(PageTypes.All, t => Assert.True(SearchPage.TypeNames.ContainsKey(t), $"{t} has no name"));
    }

    [Fact]
    public async Task WithoutAnIndexThePageSaysHowToBuildOneAndTheApiIs503()
    {
        var missing = Path.Combine(Path.GetTempPath(), "pipeline-none-" + Guid.NewGuid().ToString("N")[..8]);
        var (server, url) = await WebFixture.StartAsync(new WebOptions(Path.Combine(missing, "pipeline.db"), Path.Combine(missing, "index"), "http://127.0.0.1:0"));
        await using (server)
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var html = await http.GetStringAsync("/?q=lao+dong");
            Assert.Contains("Chưa có dữ liệu", html);
            Assert.Contains("pipeline run", html);
            using var api = await http.GetAsync("/api/search?q=lao+dong");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
            Assert.Contains("pipeline run", json.RootElement.GetProperty("error").GetString());
            Assert.False(Directory.Exists(missing));
        }
    }

    [Fact]
    public async Task TheServerPicksUpAnIndexBuiltOrUpdatedWhileItRuns()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-live-" + Guid.NewGuid().ToString("N")[..8]);
        var index = Path.Combine(folder, "index");
        var files = Directory.GetFiles(Repo.Path("corpus", "bulletins"), "*.txt").Order(StringComparer.Ordinal).ToList();
        var (server, url) = await WebFixture.StartAsync(new WebOptions(Path.Combine(folder, "pipeline.db"), index, "http://127.0.0.1:0"));
        try
        {
            await using (server)
            {
                using var http = new HttpClient { BaseAddress = new Uri(url) };
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/api/search?q=-zzzz")).StatusCode);

                Searches.IndexFiles(files.Take(3), TextReader.Null, index);
                Assert.Equal(3, await Total(http));

                Searches.IndexFiles(files.Skip(3).Take(2), TextReader.Null, index); // a new commit: seen by the next request, no restart
                Assert.Equal(5, await Total(http));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static async Task<int> Total(HttpClient http)
        {
            // Only an exclusion: every document but those with the word.
            using var json = JsonDocument.Parse(await http.GetStringAsync("/api/search?q=-zzzz"));
            return json.RootElement.GetProperty("total").GetInt32();
        }
    }

    private async Task<string> Page(string path)
    {
        using var response = await web.Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        return html;
    }

    private async Task<JsonDocument> Api(string path)
    {
        using var response = await web.Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }

    private static List<string> Sources(JsonDocument json) =>
        [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("source").GetString()!)];

    private static List<string> FacetLinks(string html, string facet) =>
        [.. Regex.Matches(Regex.Match(html, $"<section class=\"facet\" data-facet=\"{facet}\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex Marks();

    [GeneratedRegex("<li class=\"hit\">.*?</li>\\s*(?=<li class=\"hit\">|</ol>)", RegexOptions.Singleline)]
    private static partial Regex Hits();
}
