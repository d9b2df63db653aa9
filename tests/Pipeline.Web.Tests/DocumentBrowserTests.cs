using System.Text;
using Microsoft.Playwright;
using Pipeline.Application;
using Pipeline.Application.Export;
using Pipeline.Storage;

namespace Pipeline.Web.Tests;

/// <summary>The document, extract and sources pages in real Chromium.</summary>
[Collection("web")]
public sealed class DocumentBrowserTests(WebFixture web, BrowserFixture browser)
{
    [Fact]
    public async Task ADocumentShowsExactlyTheStoresFiguresHighlighted()
    {
        using var store = DocumentStore.OpenReadOnly(web.Database);
        var document = store.Documents().OrderByDescending(d => d.Figures.Count).First();
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        await page.GotoAsync($"/documents/{document.Id}");

        var marks = await page.EvalOnSelectorAllAsync<string[][]>("mark.figure", "ms => ms.map(m => [m.id, m.textContent])");
        var expected = document.Figures.Select((f, i) => $"f-{i + 1}={document.Text[f.Start..f.End]}");
        Assert.Equal(expected.Order(), marks.Select(m => m[0] + "=" + m[1]).Order());
        Assert.Equal(document.Figures.Count, await page.Locator("table.figure-list tbody tr").CountAsync());

        // A figure's number in the list leads to its mark in the text.
        await page.Locator("table.figure-list a[href='#f-3']").ClickAsync();
        Assert.EndsWith("#f-3", page.Url);
        Assert.True(await page.Locator("#f-3").IsVisibleAsync());
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "document");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APastedBulletinGivesTheFiguresOfPipelineExtract()
    {
        var text = await File.ReadAllTextAsync(Repo.Path("corpus", "bulletins", "a03-hai-duong-quy-3-2022.txt"));
        var expected = Inputs.Text(Pages.ExtractPage.PastedSource, text).Read!;
        Assert.NotEmpty(expected.Document.Figures);
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        await page.GotoAsync("/extract");
        await page.Locator("#extract-text").FillAsync(text);
        await page.Locator("form.extract-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".extract-result");

        var marks = await page.EvalOnSelectorAllAsync<string[]>("mark.figure", "ms => ms.map(m => m.textContent)");
        Assert.Equal(expected.Document.Figures.Select(f => f.Text), marks);
        var amounts = await page.EvalOnSelectorAllAsync<string[]>("table.figure-list td.value .amount", "cells => cells.map(c => c.textContent)");
        Assert.Equal(expected.Document.Figures.Select(VietnameseFormat.Value), amounts);
        Assert.Equal(expected.CleanText, await page.Locator(".clean-text").TextContentAsync());
        Assert.True(await page.Locator("button[data-copy='extract-json']").IsVisibleAsync()); // the script enhanced the page
        await BrowserFixture.ScreenshotAsync(page, "extract");

        // The CSV download is `pipeline extract --format csv` of the same text.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("form.download button[value=csv]").ClickAsync());
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!)).TrimStart('\uFEFF');
        using var writer = new StringWriter();
        ExtractTable.WriteCsv([expected.Document], writer);
        Assert.Equal(writer.ToString(), csv);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSourcesPageListsEveryCrawledBoard()
    {
        using var store = DocumentStore.OpenReadOnly(web.Database);
        var sites = store.CountBy(StatsGrouping.Site).Select(c => c.Label).ToList();
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        await page.GotoAsync("/sources");
        var rows = await page.EvalOnSelectorAllAsync<string[]>("table.sources tbody tr", "rs => rs.map(r => r.dataset.site)");
        Assert.Subset(rows.ToHashSet(), sites.ToHashSet());
        await BrowserFixture.ScreenshotAsync(page, "sources");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }
}
