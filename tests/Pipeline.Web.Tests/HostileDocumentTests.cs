using Microsoft.Playwright;

namespace Pipeline.Web.Tests;

/// <summary>
/// A document written to attack the pages stays inert in real Chromium: no dialog opens, no script error or
/// policy violation is reported, no element is injected, and its text shows literally.
/// </summary>
[Collection("web")]
public sealed class HostileDocumentTests(HostileFixture hostile, BrowserFixture browser) : IClassFixture<HostileFixture>
{
    [Fact]
    public async Task TheDocumentPageShowsTheAttackAsText()
    {
        var page = await OpenAsync($"/documents/{hostile.DocumentId}", "hostile-document");
        Assert.Equal(4, await page.Locator("mark.figure").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());
        Assert.Equal(HostileFixture.JavascriptUrl, await page.Locator(".source-url").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSearchPageShowsTheAttackAsText() => await (await OpenAsync("/?q=script", "hostile-search")).Context.CloseAsync();

    [Fact]
    public async Task TheFiguresPageShowsTheAttackAsText() => await (await OpenAsync("/figures", "hostile-figures")).Context.CloseAsync();

    [Fact]
    public async Task TheAttackPastedIntoTheExtractPageRunsNothing()
    {
        var (page, problems) = await browser.NewPageAsync(hostile.BaseUrl);
        await page.GotoAsync("/extract");
        await page.Locator("#extract-text").FillAsync(hostile.Document.Text);
        await page.Locator("form.extract-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".extract-result");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, "hostile-extract");
        Assert.Empty(problems);
        Assert.Equal(hostile.Document.Text, await page.Locator("#extract-text").InputValueAsync());
        Assert.Equal(["/assets/site.js"], await page.EvalOnSelectorAllAsync<string[]>("script", "s => s.map(x => x.getAttribute('src'))"));
        Assert.Equal(0, await page.Locator("img").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheDocumentsJsonCarriesTheTextUnchanged()
    {
        using var http = new HttpClient { BaseAddress = new Uri(hostile.BaseUrl) };
        var json = await http.GetStringAsync($"/api/documents/{hostile.DocumentId}");
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(hostile.Document.Title, parsed.RootElement.GetProperty("title").GetString());
        Assert.Equal(hostile.Document.Text, parsed.RootElement.GetProperty("text").GetString());
    }

    /// <summary>Opens the page, checks nothing ran and the attack reads as text, and saves a screenshot.</summary>
    private async Task<IPage> OpenAsync(string path, string screenshot)
    {
        var (page, problems) = await browser.NewPageAsync(hostile.BaseUrl);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, screenshot);

        Assert.Empty(problems);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(HostileFixture.Script, text);
        Assert.Contains(HostileFixture.BreakOut.Trim(), text);

        // Only the product's own script element, no injected image, no handler attribute anywhere.
        Assert.Equal(["/assets/site.js"], await page.EvalOnSelectorAllAsync<string[]>("script", "s => s.map(x => x.getAttribute('src'))"));
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
        return page;
    }
}
