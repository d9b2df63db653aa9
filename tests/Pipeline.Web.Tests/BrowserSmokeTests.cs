namespace Pipeline.Web.Tests;

/// <summary>Every page renders in real Chromium with no script error and no Content-Security-Policy violation.</summary>
[Collection("web")]
public sealed class BrowserSmokeTests(WebFixture web, BrowserFixture browser)
{
    [Theory]
    [InlineData("/", "search")]
    [InlineData("/figures", "figures")]
    [InlineData("/charts", "charts")]
    [InlineData("/extract", "extract")]
    [InlineData("/sources", "sources")]
    public async Task EveryPageRendersCleanly(string path, string name)
    {
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        await BrowserFixture.ScreenshotAsync(page, "smoke-" + name);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }
}
