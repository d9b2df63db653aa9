using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Application;
using Pipeline.Web.Charts;

namespace Pipeline.Web.Tests;

/// <summary>The charts page and /api/facts: what is drawn is exactly the store's facts table.</summary>
[Collection("web")]
public sealed partial class ChartsPageTests(WebFixture web)
{
    /// <summary>The facts of a slice as "province|period|value|conflict", straight from the facts table.</summary>
    private List<string> Facts(string where) => Sql.Rows(web.Database,
        $"SELECT province || '|' || period || '|' || CAST(value_max AS REAL) || '|' || conflict FROM facts WHERE target = 0 AND {where}")
        .Select(Normal).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task TheLineChartDrawsEachChosenProvincesYearlyFacts()
    {
        var html = await web.Http.GetStringAsync("/charts?metric=investment_capital&measure=level&scope=fdi&unit=USD&province=Bình%20Dương&province=bac%20giang");
        var drawn = Shapes(html, "circle");
        var expected = Facts("metric = 'investment_capital' AND measure = 'level' AND scope = 'fdi' AND unit = 'USD' AND province IN ('Bình Dương', 'Bắc Giang') AND period GLOB '[0-9][0-9][0-9][0-9]'");
        Assert.True(expected.Count >= 4, "too few facts to prove anything");
        Assert.Equal(expected, drawn);
    }

    [Fact]
    public async Task TheBarChartComparesEveryProvinceReportingThePeriod()
    {
        var html = await web.Http.GetStringAsync("/charts?metric=projects&measure=level&scope=none&unit=project&period=2023");
        var drawn = Shapes(html, "rect");
        var expected = Facts("metric = 'projects' AND measure = 'level' AND scope IS NULL AND unit = 'project' AND period = '2023'");
        Assert.True(expected.Count >= 2);
        Assert.Equal(expected, drawn);

        // Largest first, and the table below holds the same values.
        var values = BarPattern().Matches(html).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values.OrderDescending(), values);
        var table = TableRowPattern().Matches(html[html.IndexOf("data-for=\"table-compare\"", StringComparison.Ordinal)..])
            .Select(m => Normal($"{m.Groups[1].Value}|{m.Groups[2].Value}|{m.Groups[3].Value}|0")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(e => e[..e.LastIndexOf('|')]), table.Select(e => e[..e.LastIndexOf('|')]));
    }

    [Fact]
    public async Task QuartersAreDrawnWhenTheFactsHaveThem()
    {
        var quarterly = Sql.Rows(web.Database,
            "SELECT province FROM facts WHERE target = 0 AND metric = 'investment_capital' AND measure = 'level' AND scope = 'fdi' AND unit = 'USD' AND period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]' GROUP BY province ORDER BY COUNT(*) DESC, province LIMIT 1")[0];
        var html = await web.Http.GetStringAsync($"/charts?metric=investment_capital&scope=fdi&unit=USD&grain=quarter&province={Uri.EscapeDataString(quarterly)}");
        var drawn = Shapes(html, "circle");
        Assert.NotEmpty(drawn);
        Assert.All(drawn, d => Assert.Matches(@"\|\d{4}-Q[1-4]\|", d));
        Assert.Equal(Facts($"metric = 'investment_capital' AND measure = 'level' AND scope = 'fdi' AND unit = 'USD' AND province = '{quarterly}' AND period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'"), drawn);
        Assert.Contains(">Q", html); // quarters labelled on the axis as Q1/2025
    }

    [Fact]
    public async Task AConflictingFactIsMarkedAndLinksToTheFiguresBehindIt()
    {
        var conflict = Sql.Rows(web.Database,
            "SELECT key FROM facts WHERE conflict = 1 AND target = 0 AND period GLOB '[0-9][0-9][0-9][0-9]' ORDER BY key LIMIT 1").Single();
        var parts = conflict.Split('|'); // province|metric|measure|scope|period|actual|unit
        var scope = parts[3].Length == 0 ? "none" : parts[3];
        var html = await web.Http.GetStringAsync(
            $"/charts?metric={parts[1]}&measure={parts[2]}&scope={scope}&unit={Uri.EscapeDataString(parts[6])}&province={Uri.EscapeDataString(parts[0])}&period={parts[4]}");
        var point = Regex.Match(html, $"<a href=\"([^\"]+)\"[^>]*><circle class=\"point series-0 conflict\"[^>]*data-period=\"{parts[4]}\"");
        Assert.True(point.Success, "the conflicting point is not marked");
        Assert.Equal("/figures?fact=" + Uri.EscapeDataString(conflict), WebUtility.HtmlDecode(point.Groups[1].Value));
        Assert.Contains("class=\"bar series-0 conflict\"", html);

        var figures = await web.Http.GetStringAsync(WebUtility.HtmlDecode(point.Groups[1].Value));
        var reports = Sql.Rows(web.Database, $"SELECT reports FROM facts WHERE key = '{conflict.Replace("'", "''", StringComparison.Ordinal)}'").Single();
        Assert.Contains($"data-total=\"{reports}\"", figures);
    }

    [Fact]
    public async Task WithNoChoiceTheChartsPickTheBestCoveredSliceAndProvinces()
    {
        var html = await web.Http.GetStringAsync("/charts");
        var series = Regex.Matches(html, "<g class=\"series\" data-series=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(FactQueries.DefaultProvinces, series.Count);
        Assert.Contains("<svg", html);
        Assert.Contains("aria-labelledby=\"time-title\"", html);
        Assert.Contains("aria-labelledby=\"compare-title\"", html);
        Assert.Matches("(tỷ|triệu) (USD|đồng)", html); // the axis written in a Vietnamese scale
    }

    [Fact]
    public async Task ApiFactsGiveTheFactsTableWithTheDrawnValue()
    {
        using var json = JsonDocument.Parse(await web.Http.GetStringAsync("/api/facts?metric=export_value&measure=level&province=binh%20duong&size=1000"));
        var facts = json.RootElement.GetProperty("facts").EnumerateArray().ToList();
        var expected = Sql.Rows(web.Database, "SELECT key || '|' || CAST(value_max AS REAL) FROM facts WHERE metric = 'export_value' AND measure = 'level' AND province = 'Bình Dương'");
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(
            expected.Select(Normal).Order(StringComparer.Ordinal),
            facts.Select(f => Normal($"{f.GetProperty("key").GetString()}|{f.GetProperty("value").GetDecimal().ToString(CultureInfo.InvariantCulture)}")).Order(StringComparer.Ordinal));
        Assert.All(facts, f => Assert.StartsWith("/api/figures?fact=", f.GetProperty("figures").GetString()));
    }

    [Theory]
    [InlineData("/charts?grain=month", "grain")]
    [InlineData("/charts?metric=weather", "metric")]
    [InlineData("/charts?province=Gotham", "province")]
    [InlineData("/charts?from=2025&to=2015", "from")]
    [InlineData("/charts?colour=red", "colour")]
    [InlineData("/charts?unit=furlong", "unit")]
    [InlineData("/charts?period=recently", "period")]
    public async Task ABadChartParameterIsA400(string url, string parameter)
    {
        using var response = await web.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"&#x27;{parameter}&#x27;", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(0.15, 0.2)]
    [InlineData(0.7, 1)]
    [InlineData(1.3, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(260_000_000, 500_000_000)]
    public void AxisStepsAreRound(double raw, double step) => Assert.Equal((decimal)step, ChartAxis.Step(raw));

    [Fact]
    public void AnAxisOfDollarsIsWrittenInTyUsdTheVietnameseWay()
    {
        var axis = ChartAxis.For([1_370_000_000m, 152_000_000m], "USD");
        Assert.Equal("tỷ USD", axis.Title);
        Assert.Equal(0m, axis.Low);
        Assert.True(axis.High >= 1_370_000_000m);
        Assert.Equal(["0", "0,5", "1", "1,5"], axis.Ticks.Select(axis.Label));
    }

    [Fact]
    public void AnAxisCoversNegativeChanges()
    {
        var axis = ChartAxis.For([-12.5m, 30m], "percent");
        Assert.True(axis.Low <= -12.5m && axis.High >= 30m);
        Assert.Contains(0m, axis.Ticks);
        Assert.Equal("%", axis.Title);
        Assert.Equal("-20", axis.Label(axis.Low));
    }

    [Theory]
    [InlineData("2022-Q3", "2023-Q2", "2022-Q3 2022-Q4 2023-Q1 2023-Q2")]
    [InlineData("2019", "2021", "2019 2020 2021")]
    public void TheTimeAxisHoldsEveryPeriodBetween(string first, string last, string expected) =>
        Assert.Equal(expected, string.Join(' ', FactQueries.Steps(first, last, first.Contains('Q') ? PeriodGrain.Quarter : PeriodGrain.Year)));

    [Theory]
    [InlineData("2023", PeriodGrain.Year)]
    [InlineData("2023-Q4", PeriodGrain.Quarter)]
    [InlineData("2023-H1", null)]
    [InlineData("..2023-06", null)]
    [InlineData("2016..2020", null)]
    public void OnlyYearsAndQuartersAreDrawnOverTime(string period, PeriodGrain? grain) => Assert.Equal(grain, FactQueries.GrainOf(period));

    /// <summary>Every drawn shape of a kind as "province|period|value|conflict".</summary>
    private static List<string> Shapes(string html, string element) =>
        [.. Regex.Matches(html, $"<{element} class=\"[^\"]*\"[^>]*data-value=\"([^\"]+)\" data-period=\"([^\"]+)\" data-province=\"([^\"]+)\" data-conflict=\"(true|false)\"")
            .Select(m => Normal($"{WebUtility.HtmlDecode(m.Groups[3].Value)}|{m.Groups[2].Value}|{m.Groups[1].Value}|{(m.Groups[4].Value == "true" ? 1 : 0)}"))
            .Order(StringComparer.Ordinal)];

    /// <summary>"a|b|1370000000.0|0" and "a|b|1370000000|0" are the same: numbers compared as numbers.</summary>
    private static string Normal(string row) => string.Join('|', row.Split('|').Select(part =>
        decimal.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? (n / 1.000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : part));

    [GeneratedRegex("<rect class=\"bar[^\"]*\"[^>]*data-value=\"([^\"]+)\"")]
    private static partial Regex BarPattern();

    [GeneratedRegex("<tr data-province=\"([^\"]+)\" data-period=\"([^\"]+)\" data-value=\"([^\"]+)\"")]
    private static partial Regex TableRowPattern();
}
