using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pipeline.Web.Tests;

/// <summary>The search page in real Chromium, used as a researcher uses it: typing, clicking facets, going back, the keyboard alone.</summary>
[Collection("web")]
public sealed class SearchBrowserTests(WebFixture web, BrowserFixture browser)
{
    [Fact]
    public async Task AnUnaccentedQueryFindsAccentedDocumentsWithHighlights()
    {
        var (page, problems) = await NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#q", "ty le lap day khu cong nghiep");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync(new Regex(@"q=ty\+le\+lap\+day"));

        var marks = await page.Locator(".hit .snippet mark").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.Contains(marks, m => m.Equals("lấp", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(marks, m => m.Equals("đầy", StringComparison.OrdinalIgnoreCase));
        var titles = await page.Locator(".hit h3 a").AllInnerTextsAsync();
        Assert.Equal(10, titles.Count);
        Assert.Contains(titles, t => t.Contains("công nghiệp", StringComparison.OrdinalIgnoreCase) || t.Contains("KCN", StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "search-unaccented-query");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClickingAFacetNarrowsTheHits()
    {
        var (page, problems) = await NewPageAsync();
        await page.GotoAsync("/?q=lao+dong");
        var before = await Total(page);
        var facet = page.Locator("[data-facet=province] li a").First;
        var province = await facet.Locator("span").First.InnerTextAsync();
        var count = int.Parse((await facet.Locator(".count").InnerTextAsync()).Replace(".", "", StringComparison.Ordinal));
        Assert.True(count < before, $"the first province ({count}) should hold fewer than all {before} hits");

        await facet.ClickAsync();
        await page.WaitForURLAsync(new Regex("province="));
        Assert.Equal(count, await Total(page));
        Assert.Equal(province, await page.InputValueAsync("select[name=province]"));
        Assert.Equal("lao dong", await page.InputValueAsync("#q")); // the words stay
        Assert.Equal("true", await page.Locator("[data-facet=province] a[aria-current=true]").GetAttributeAsync("aria-current"));
        await BrowserFixture.ScreenshotAsync(page, "search-facet-clicked");

        // A second facet narrows further, keeping the first.
        await page.Locator("[data-facet=year] li a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("from=.*to="));
        Assert.Contains("province=", page.Url);
        Assert.True(await Total(page) <= count);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheBackButtonRestoresASearch()
    {
        var (page, problems) = await NewPageAsync();
        await page.GotoAsync("/?q=v%E1%BB%91n+FDI&sort=date");
        var firstTitles = await page.Locator(".hit h3 a").AllInnerTextsAsync();
        await page.FillAsync("#q", "lao dong");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync(new Regex("q=lao"));
        await page.Locator("nav.paging a[rel=next]").ClickAsync();
        await page.WaitForURLAsync(new Regex("page=2"));

        await page.GoBackAsync();
        await page.WaitForURLAsync(url => !url.Contains("page=2", StringComparison.Ordinal));
        Assert.Equal("lao dong", await page.InputValueAsync("#q"));
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => !url.Contains("lao", StringComparison.Ordinal));
        Assert.Equal("vốn FDI", await page.InputValueAsync("#q"));
        Assert.Equal("date", await page.InputValueAsync("select[name=sort]"));
        Assert.Equal(firstTitles, await page.Locator(".hit h3 a").AllInnerTextsAsync());
        await BrowserFixture.ScreenshotAsync(page, "search-after-back");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSearchAndItsResultsWorkWithTheKeyboardAlone()
    {
        var (page, problems) = await NewPageAsync();
        await page.GotoAsync("/");
        await TabUntil(page, "document.activeElement.id === 'q'", 20);
        await page.Keyboard.TypeAsync("tyr leej laaps ddaayf"); // Telex for "tỷ lệ lấp đầy"
        Assert.Equal("tyr leej laaps ddaayf", await page.InputValueAsync("#q"));
        var searched = page.WaitForURLAsync(new Regex("q=tyr")); // waiting before the key: the answer may come back at once
        await page.Keyboard.PressAsync("Enter");
        await searched;
        Assert.Contains("lấp", (await page.Locator(".hit .snippet mark").AllInnerTextsAsync()).Select(m => m.ToLowerInvariant()));

        // Past the form, a link skips the filters and facets: Enter on it, then Tab, is the first hit.
        await TabUntil(page, "document.activeElement.matches('a.skip-results')", 40);
        Assert.True(await page.Locator("a.skip-results").IsVisibleAsync()); // shown while it has the focus
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement === document.querySelector('.hit h3 a')"), "Tab after the skip link should reach the first hit");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab"); // and on through the hits
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement === document.querySelectorAll('.hit h3 a')[2]"));
        var focused = await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')");
        Assert.StartsWith("/document?url=", focused);
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline); // the focus can be seen
        await BrowserFixture.ScreenshotAsync(page, "search-keyboard-focus-on-hit");

        var opened = page.WaitForURLAsync(new Regex(@"/document"));
        await page.Keyboard.PressAsync("Enter");
        await opened;
        Assert.DoesNotContain(problems, p => !p.Contains("404", StringComparison.Ordinal)); // the document page is another part's
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FiltersAreChosenInTheFormAndShownInTheUrl()
    {
        var (page, problems) = await NewPageAsync();
        await page.GotoAsync("/?lang=en");
        await page.FillAsync("#q", "FDI");
        await page.SelectOptionAsync("select[name=metric]", "investment_capital");
        await page.FillAsync("input[name=min]", "1.000.000.000");
        await page.SelectOptionAsync("select[name=unit]", "USD");
        await page.Locator("fieldset.filters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("metric=investment_capital"));
        Assert.Contains("lang=en", page.Url);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.NotEmpty(await page.Locator(".hit ul.hit-figures li").AllInnerTextsAsync());
        await BrowserFixture.ScreenshotAsync(page, "search-figure-filter-en");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ABadParameterShowsA400PageInTheBrowser()
    {
        var (page, problems) = await NewPageAsync();
        var response = await page.GotoAsync("/?q=lao+dong&from=20x5");
        Assert.Equal(400, response!.Status);
        Assert.Contains("'from' phải là số nguyên", await page.Locator("p.message").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "search-400");
        Assert.DoesNotContain(problems, p => !p.Contains("400", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AHostileDocumentStaysInertInTheHits()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-hostile-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "hostile.html");
        const string Hostile = "&lt;script&gt;alert(1)&lt;/script&gt; \"&gt;&lt;img src=x onerror=alert(2)&gt;";
        var paragraphs = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $"<p>Đoạn {i}: khu công nghiệp Tân Hương thu hút 120 triệu USD vốn FDI trong quý {i}/2024. {Hostile} Xem javascript:alert({i}) tại đây; tỷ lệ lấp đầy đạt 80%.</p>"));
        await File.WriteAllTextAsync(file, $"<!doctype html><html><head><title>{Hostile} Khu công nghiệp Tân Hương</title></head><body><article><h1>{Hostile} Khu công nghiệp Tân Hương</h1>{paragraphs}</article></body></html>");
        var index = Path.Combine(folder, "index");
        Pipeline.Application.Searches.IndexFiles([file], TextReader.Null, index);
        var (server, url) = await WebFixture.StartAsync(new WebOptions(Path.Combine(folder, "pipeline.db"), index, "http://127.0.0.1:0"));
        try
        {
            await using (server)
            {
                var (page, problems) = await browser.NewPageAsync(url);
                page.SetDefaultTimeout(90_000);
                await page.GotoAsync("/?q=khu+cong+nghiep+Tan+Huong");
                var title = await page.Locator(".hit h3 a").InnerTextAsync();
                Assert.Contains("<script>alert(1)</script>", title); // shown as the text it is
                Assert.Contains("<img src=x onerror=alert(2)>", await page.Locator(".hit .snippet").InnerTextAsync());
                Assert.Equal(0, await page.Locator("main script, main img, main [onerror]").CountAsync());
                Assert.NotEmpty(await page.Locator(".hit .snippet mark").AllInnerTextsAsync());
                await BrowserFixture.ScreenshotAsync(page, "search-hostile-document");
                Assert.Empty(problems); // no dialog, no script error, no policy violation
                await page.Context.CloseAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A fresh page, patient with a machine shared with other builds (a search under load can take seconds).</summary>
    private async Task<(IPage Page, List<string> Problems)> NewPageAsync()
    {
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        return (page, problems);
    }

    private static async Task<int> Total(IPage page)
    {
        var summary = await page.Locator("p.summary").InnerTextAsync();
        return int.Parse(Regex.Match(summary, @"^[\d.,]+").Value.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal));
    }

    /// <summary>Presses Tab until <paramref name="condition"/> holds, failing after <paramref name="most"/> presses.</summary>
    private static async Task TabUntil(IPage page, string condition, int most)
    {
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>(condition))
            {
                return;
            }
        }

        Assert.Fail($"{most} presses of Tab never reached: {condition} (focus is on {await page.EvaluateAsync<string>("document.activeElement.outerHTML.slice(0, 200)")})");
    }
}
