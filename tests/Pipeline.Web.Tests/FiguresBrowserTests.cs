using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pipeline.Web.Tests;

/// <summary>The figures and charts pages in real Chromium: filtering, sorting, and charts whose drawn points are the store's facts.</summary>
[Collection("web")]
public sealed class FiguresBrowserTests(WebFixture web, BrowserFixture browser)
{
    [Fact]
    public async Task AFigureFilterListsTheRightFigures()
    {
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        await page.GotoAsync("/figures");

        // Choosing in a select submits the form (the script's enhancement); the button does the same without script.
        await page.SelectOptionAsync("select[name=province]", "Bắc Ninh");
        await page.WaitForURLAsync(new Regex("province="));
        await page.SelectOptionAsync("select[name=metric]", "labour");
        await page.WaitForURLAsync(new Regex("metric=labour"));

        var expected = Sql.Rows(web.Database,
            "SELECT f.document_id || '-' || f.ordinal FROM figures f JOIN documents d ON d.id = f.document_id WHERE d.province = 'Bắc Ninh' AND f.metric = 'labour'");
        Assert.InRange(expected.Count, 1, 50); // one page holds them all
        var listed = await page.EvalOnSelectorAllAsync<string[]>("table.figures tbody tr", "rows => rows.map(r => r.dataset.figure)");
        Assert.Equal(expected.Order(), listed.Order());
        Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("[data-total]", "data-total"));
        Assert.Equal("Bắc Ninh", await page.InputValueAsync("select[name=province]"));

        // A document link leads to its document.
        var href = await page.GetAttributeAsync("table.figures tbody tr td a", "href");
        Assert.StartsWith("/documents/", href);

        // On a 1280-pixel screen the table fits the page: the sentence column is not pushed off to the side.
        await page.SetViewportSizeAsync(1280, 900);
        var overflow = await page.EvalOnSelectorAsync<int>("div.table-wrap", "w => w.scrollWidth - w.clientWidth");
        Assert.True(overflow <= 0, $"the figures table is {overflow} px wider than the page at 1280 px");

        await BrowserFixture.ScreenshotAsync(page, "figures");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClickingAColumnSortsByIt()
    {
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        await page.GotoAsync("/figures?metric=investment_capital&unit=USD");
        await page.ClickAsync("th[data-sort=value] a");
        await page.WaitForURLAsync(new Regex("sort=-value"));
        Assert.Equal("descending", await page.GetAttributeAsync("th[data-sort=value]", "aria-sort"));
        var values = await Values(page);
        Assert.True(values.Count > 10);
        Assert.Equal(values.OrderDescending(), values);
        var largest = Sql.Rows(web.Database, "SELECT MAX(CAST(value AS REAL)) FROM figures WHERE metric = 'investment_capital' AND unit = 'USD'")[0];
        Assert.Equal(decimal.Parse(largest, NumberStyles.Float, CultureInfo.InvariantCulture), values[0]);

        await page.ClickAsync("th[data-sort=value] a");
        await page.WaitForURLAsync(new Regex("sort=value"));
        Assert.Equal("ascending", await page.GetAttributeAsync("th[data-sort=value]", "aria-sort"));
        values = await Values(page);
        Assert.Equal(values.Order(), values);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ALineChartsPointsAreTheFactsValues()
    {
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        await page.GotoAsync("/charts?metric=investment_capital&measure=level&scope=fdi&unit=USD&province=TP.HCM&province=Bắc%20Ninh&province=Bình%20Dương");
        var points = await page.EvalOnSelectorAllAsync<string[]>(
            "figure.line-chart svg circle[data-value]",
            "cs => cs.map(c => c.dataset.province + '|' + c.dataset.period + '|' + c.dataset.value)");
        var facts = Sql.Rows(web.Database,
            """
            SELECT province || '|' || period || '|' || value_max FROM facts
            WHERE target = 0 AND metric = 'investment_capital' AND measure = 'level' AND scope = 'fdi' AND unit = 'USD'
              AND province IN ('TP. Hồ Chí Minh', 'Bắc Ninh', 'Bình Dương') AND period GLOB '[0-9][0-9][0-9][0-9]'
            """);
        Assert.True(facts.Count >= 5);
        Assert.Equal(facts.Select(Normal).Order(StringComparer.Ordinal), points.Select(Normal).Order(StringComparer.Ordinal));

        // Each point is a link the keyboard reaches, leading to the figures behind it.
        var link = page.Locator("figure.line-chart svg a").First;
        await link.FocusAsync();
        await BrowserFixture.ScreenshotAsync(page, "chart-line");
        await page.Locator("figure.line-chart").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "chart-line-only.png") });
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/figures\\?fact="));
        var total = int.Parse((await page.GetAttributeAsync("[data-total]", "data-total"))!, CultureInfo.InvariantCulture);
        Assert.True(total >= 1);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ABarChartsBarsAreTheFactsValuesForItsPeriod()
    {
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        await page.GotoAsync("/charts?metric=projects&measure=level&scope=none&unit=project&period=2023");
        var bars = await page.EvalOnSelectorAllAsync<string[]>(
            "figure.bar-chart svg rect[data-value]",
            "rs => rs.map(r => r.dataset.province + '|' + r.dataset.period + '|' + r.dataset.value)");
        var facts = Sql.Rows(web.Database,
            "SELECT province || '|' || period || '|' || value_max FROM facts WHERE target = 0 AND metric = 'projects' AND measure = 'level' AND scope IS NULL AND unit = 'project' AND period = '2023'");
        Assert.True(facts.Count >= 2);
        Assert.Equal(facts.Select(Normal).Order(StringComparer.Ordinal), bars.Select(Normal).Order(StringComparer.Ordinal));

        // The bars are drawn to scale: widths in the ratio of their values.
        var widths = await page.EvalOnSelectorAllAsync<double[]>("figure.bar-chart svg rect[data-value]", "rs => rs.map(r => r.getBBox().width)");
        var values = bars.Select(b => double.Parse(b.Split('|')[2], CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(widths[0] / widths[^1], 0.9 * values[0] / Math.Max(1, values[^1]), 1.1 * values[0] / Math.Max(1, values[^1]) + 1);

        await page.Locator("figure.bar-chart").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "chart-bar.png") });
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheChartsFormRedrawsForTheChosenProvince()
    {
        var (page, problems) = await browser.NewPageAsync(web.BaseUrl);
        await page.GotoAsync("/charts?metric=investment_capital&scope=fdi&unit=USD");
        foreach (var box in await page.Locator("fieldset.provinces input[type=checkbox]").AllAsync())
        {
            await box.UncheckAsync();
        }

        await page.CheckAsync("fieldset.provinces input[value='Bắc Giang']");
        await page.ClickAsync("form.charts-form button[type=submit]");
        await page.WaitForURLAsync(new Regex("province=B"));
        var provinces = await page.EvalOnSelectorAllAsync<string[]>("figure.line-chart svg circle[data-value]", "cs => [...new Set(cs.map(c => c.dataset.province))]");
        Assert.Equal(["Bắc Giang"], provinces);
        await BrowserFixture.ScreenshotAsync(page, "charts");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    private static async Task<List<decimal>> Values(IPage page) =>
        [.. (await page.EvalOnSelectorAllAsync<string[]>("table.figures tbody td.num", "cells => cells.map(c => c.dataset.value)"))
            .Select(v => decimal.Parse(v, CultureInfo.InvariantCulture))];

    private static string Normal(string row) => string.Join('|', row.Split('|').Select(part =>
        part.Contains('.') && decimal.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? (n / 1.000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : part));
}
