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
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
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
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
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
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
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
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        await page.GotoAsync("/");
        await TabUntil(page, "document.activeElement.id === 'q'", 20);
        await page.Keyboard.TypeAsync("tyr leej laaps ddaayf"); // Telex for "tỷ lệ lấp đầy"
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("q=tyr"));
        Assert.Contains("lấp", (await page.Locator(".hit .snippet mark").AllInnerTextsAsync()).Select(m => m.ToLowerInvariant()));

        await TabUntil(page, "document.activeElement.matches('.hit h3 a')", 120);
        var focused = await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')");
        Assert.StartsWith("/document?url=", focused);
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline); // the focus can be seen
        await BrowserFixture.ScreenshotAsync(page, "search-keyboard-focus-on-hit");

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/document"));
        Assert.DoesNotContain(problems, p => !p.Contains("404", StringComparison.Ordinal)); // the document page is another part's
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FiltersAreChosenInTheFormAndShownInTheUrl()
    {
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
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
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        var response = await page.GotoAsync("/?q=lao+dong&from=20x5");
        Assert.Equal(400, response!.Status);
        Assert.Contains("'from' must be a whole number", await page.Locator("p.message").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "search-400");
        Assert.DoesNotContain(problems, p => !p.Contains("400", StringComparison.Ordinal));
        await page.Context.CloseAsync();
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
