using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Application.Export;

namespace Pipeline.Web.Tests;

/// <summary>The figures page, its downloads and /api/figures over the bundled corpus, checked against the store's own tables.</summary>
[Collection("web")]
public sealed partial class FiguresPageTests(WebFixture web)
{
    /// <summary>A filter as the page takes it, and the same filter as SQL over figures f and documents d.</summary>
    public static TheoryData<string, string> Filters => new()
    {
        { "province=binh%20duong&metric=investment_capital", "d.province = 'Bình Dương' AND f.metric = 'investment_capital'" },
        { "from=2020&to=2022&type=report", "d.published >= '2020' AND d.published < '2023' AND d.page_type = 'report'" },
        { "metric=projects&min=10&max=100&unit=project", "f.metric = 'projects' AND CAST(f.value AS REAL) BETWEEN 10 AND 100 AND f.unit = 'project'" },
        { "scope=fdi&measure=level&unit=USD&min=1.000.000.000", "f.scope = 'fdi' AND f.measure = 'level' AND f.unit = 'USD' AND CAST(f.value AS REAL) >= 1000000000" },
        { "scope=none&metric=labour&province=TP.HCM", "f.scope IS NULL AND f.metric = 'labour' AND d.province = 'TP. Hồ Chí Minh'" },
        { "period=2023-H1&measure=change_pct", "f.period = '2023-H1' AND f.measure = 'change_pct'" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task AFilterGivesExactlyTheStoresFigures(string query, string where)
    {
        var expected = Sql.Rows(web.Database, $"SELECT f.document_id || '-' || f.ordinal FROM figures f JOIN documents d ON d.id = f.document_id WHERE {where}").ToHashSet();
        Assert.NotEmpty(expected); // a filter that matches nothing would prove nothing

        var html = await web.Http.GetStringAsync("/figures?" + query);
        Assert.Equal(expected.Count, int.Parse(TotalPattern().Match(html).Groups[1].Value, CultureInfo.InvariantCulture));

        using var json = JsonDocument.Parse(await web.Http.GetStringAsync($"/api/figures?{query}&size=1000"));
        Assert.Equal(expected.Count, json.RootElement.GetProperty("total").GetInt32());
        var listed = json.RootElement.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(expected.Order(), listed.Order());
    }

    [Fact]
    public async Task EachRowShowsTheFigureWithItsSentenceAndDocument()
    {
        var html = await web.Http.GetStringAsync("/figures?metric=investment_capital&unit=USD&sort=-value");
        var first = Sql.Rows(web.Database,
            "SELECT f.document_id || '|' || f.ordinal || '|' || f.sentence FROM figures f WHERE f.metric = 'investment_capital' AND f.unit = 'USD' ORDER BY CAST(f.value AS REAL) DESC, (SELECT published FROM documents WHERE id = f.document_id) DESC, f.document_id, f.ordinal LIMIT 1")[0].Split('|', 3);
        var row = RowPattern().Match(html);
        Assert.True(row.Success, "no figure row");
        Assert.Equal($"{first[0]}-{first[1]}", row.Groups[1].Value);
        Assert.Contains($"href=\"/documents/{first[0]}\"", row.Value);
        Assert.Contains("USD", row.Value);
        Assert.Matches(@"\d,\d|\d\.\d{3}", row.Value); // written the Vietnamese way
        Assert.Contains("<mark>", row.Value); // the figure's words marked in its sentence
        Assert.Contains(first[2], WebUtility.HtmlDecode(TagPattern().Replace(row.Value, "")));
    }

    [Fact]
    public async Task PagesFollowEachOtherWithoutOverlap()
    {
        using var one = JsonDocument.Parse(await web.Http.GetStringAsync("/api/figures?metric=projects"));
        using var two = JsonDocument.Parse(await web.Http.GetStringAsync("/api/figures?metric=projects&page=2"));
        var total = int.Parse(Sql.Rows(web.Database, "SELECT COUNT(*) FROM figures WHERE metric = 'projects'")[0], CultureInfo.InvariantCulture);
        Assert.True(total > 50);
        Assert.Equal(total, two.RootElement.GetProperty("total").GetInt32());
        var first = one.RootElement.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        var second = two.RootElement.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Equal(50, first.Count);
        Assert.Equal(Math.Min(50, total - 50), second.Count);
        Assert.Empty(first.Intersect(second));

        var html = await web.Http.GetStringAsync("/figures?metric=projects&page=2");
        Assert.Contains("<span aria-current=\"page\">2</span>", html);
        Assert.Contains("href=\"/figures?metric=projects&amp;page=3\"", html);
    }

    [Theory]
    [InlineData("-value", true)]
    [InlineData("value", false)]
    public async Task SortingByValueOrdersTheWholeSelection(string sort, bool descending)
    {
        using var json = JsonDocument.Parse(await web.Http.GetStringAsync($"/api/figures?metric=labour&unit=worker&sort={sort}&size=1000"));
        var values = json.RootElement.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("value").GetDecimal()).ToList();
        Assert.True(values.Count > 10);
        Assert.Equal(descending ? values.OrderDescending() : values.Order(), values);
    }

    [Fact]
    public async Task TheCsvDownloadIsTheExportsFiguresTableForTheSelection()
    {
        using var response = await web.Http.GetAsync("/figures.csv?province=Bắc%20Giang&metric=export_value");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF", text); // the export's BOM, so spreadsheets read Vietnamese right
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ExportTables.Figures.Columns.Select(c => c.Name)), lines[0]);

        // Every row is byte for byte the row `pipeline export` writes for that figure.
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-webexport-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await DatasetExport.WriteAsync(web.Database, ExportFormat.Csv, folder, null, null, CancellationToken.None);
            var exported = File.ReadAllText(Path.Combine(folder, "figures.csv")).TrimStart('\uFEFF').Split("\r\n").ToHashSet();
            var expected = Sql.Rows(web.Database, "SELECT COUNT(*) FROM figures f JOIN documents d ON d.id = f.document_id WHERE d.province = 'Bắc Giang' AND f.metric = 'export_value'")[0];
            Assert.Equal(int.Parse(expected, CultureInfo.InvariantCulture), lines.Length - 1);
            Assert.True(lines.Length > 2);
            Assert.All(lines.Skip(1), line => Assert.Contains(line, exported));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheJsonDownloadHasTheExportsColumnsForEveryFigureOfTheSelection()
    {
        using var response = await web.Http.GetAsync("/figures.json?metric=occupancy_rate");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(Sql.Rows(web.Database, "SELECT COUNT(*) FROM figures WHERE metric = 'occupancy_rate'")[0], rows.Count.ToString(CultureInfo.InvariantCulture));
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.Equal(ExportTables.Figures.Columns.Select(c => c.Name), row.EnumerateObject().Select(p => p.Name));
            Assert.Equal("occupancy_rate", row.GetProperty("metric").GetString());
        });
    }

    [Fact]
    public async Task TheWholeStoreDownloadsInBatchesAsOneArrayInThePagesOrder()
    {
        var all = int.Parse(Sql.Rows(web.Database, "SELECT COUNT(*) FROM figures")[0], CultureInfo.InvariantCulture);
        Assert.True(all > 1000); // several write batches
        using var json = JsonDocument.Parse(await web.Http.GetStringAsync("/figures.json?sort=-value"));
        var values = json.RootElement.EnumerateArray().Select(r => r.GetProperty("value").GetDecimal()).ToList();
        Assert.Equal(all, values.Count);
        Assert.Equal(values.OrderDescending(), values);
        Assert.Equal(all, json.RootElement.EnumerateArray().Select(r => r.GetProperty("figure_id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task AnEmptySelectionDownloadsAsAnEmptyArray()
    {
        using var json = JsonDocument.Parse(await web.Http.GetStringAsync("/figures.json?metric=projects&min=1&max=1&unit=USD"));
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("/figures?min=abc", "min")]
    [InlineData("/figures?from=twenty", "from")]
    [InlineData("/figures?metric=happiness", "metric")]
    [InlineData("/figures?provnce=Huế", "provnce")]
    [InlineData("/figures?province=Atlantis", "province")]
    [InlineData("/figures?from=2023&to=2020", "from")]
    [InlineData("/figures?min=10&max=5", "min")]
    [InlineData("/figures?sort=size", "sort")]
    [InlineData("/figures?page=0", "page")]
    [InlineData("/figures?unit=parsec", "unit")]
    [InlineData("/figures?period=last-year", "period")]
    [InlineData("/figures?metric=labour&metric=projects", "metric")]
    [InlineData("/figures.csv?type=blog", "type")]
    [InlineData("/figures.json?scope=foreign", "scope")]
    public async Task ABadParameterIsA400NamingIt(string url, string parameter)
    {
        using var response = await web.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"&#x27;{parameter}&#x27;", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Theory]
    [InlineData("/api/figures?metric=happiness", "metric")]
    [InlineData("/api/figures?size=5000", "size")]
    [InlineData("/api/figures?page=x", "page")]
    [InlineData("/api/facts?target=maybe", "target")]
    [InlineData("/api/facts?province=Narnia", "province")]
    [InlineData("/api/facts?limit=3", "limit")]
    public async Task ABadApiParameterIsA400InJsonNamingIt(string url, string parameter)
    {
        using var response = await web.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, json.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task ApiFiguresAreInTheContractsShapeWithTheirDocument()
    {
        using var json = JsonDocument.Parse(await web.Http.GetStringAsync("/api/figures?metric=investment_capital&scope=fdi&size=3"));
        var figure = json.RootElement.GetProperty("figures")[0];
        foreach (var field in new[] { "id", "metric", "measure", "value", "value_max", "unit", "approx", "estimate", "target", "scope", "period", "text", "start", "end", "sentence", "confidence", "rule", "document_id", "title", "url", "published", "province", "fact_key" })
        {
            Assert.True(figure.TryGetProperty(field, out _), $"no '{field}'");
        }

        Assert.Equal("investment_capital", figure.GetProperty("metric").GetString());
        Assert.Equal("fdi", figure.GetProperty("scope").GetString());
        var id = figure.GetProperty("id").GetString()!.Split('-');
        var stored = Sql.Rows(web.Database, $"SELECT value || '|' || text FROM figures WHERE document_id = {id[0]} AND ordinal = {id[1]}")[0].Split('|');
        Assert.Equal(decimal.Parse(stored[0], CultureInfo.InvariantCulture), figure.GetProperty("value").GetDecimal());
        Assert.Equal(stored[1], figure.GetProperty("text").GetString());
    }

    [Fact]
    public async Task TheSelectionSurvivesInTheDownloadLinksAndTheLanguageSwitch()
    {
        var html = await web.Http.GetStringAsync("/figures?province=Bắc%20Ninh&metric=labour&sort=value&page=1");
        Assert.Contains("href=\"/figures.csv?province=B%E1%BA%AFc%20Ninh&amp;metric=labour&amp;sort=value\"", html);
        Assert.Contains("href=\"/figures.json?province=B%E1%BA%AFc%20Ninh&amp;metric=labour&amp;sort=value\"", html);
        var english = await web.Http.GetStringAsync("/figures?province=Bắc%20Ninh&metric=labour&lang=en");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Workers", english);
    }

    [Fact]
    public async Task WithoutAStoreThePagesSayHowToFillItAndTheApiIsEmpty()
    {
        var missing = Path.Combine(Path.GetTempPath(), "pipeline-none-" + Guid.NewGuid().ToString("N")[..8]);
        var (server, url) = await WebFixture.StartAsync(new WebOptions(Path.Combine(missing, "pipeline.db"), Path.Combine(missing, "index"), "http://127.0.0.1:0"));
        await using (server)
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            Assert.Contains("pipeline run", await http.GetStringAsync("/figures"));
            Assert.Contains("pipeline run", await http.GetStringAsync("/charts"));
            using var figures = JsonDocument.Parse(await http.GetStringAsync("/api/figures"));
            Assert.Equal(0, figures.RootElement.GetProperty("total").GetInt32());
            using var facts = JsonDocument.Parse(await http.GetStringAsync("/api/facts?metric=projects"));
            Assert.Equal(0, facts.RootElement.GetProperty("total").GetInt32());
            using var csv = await http.GetAsync("/figures.csv");
            Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
            Assert.False(Directory.Exists(missing)); // reading never creates the store
        }
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("data-total=\"(\\d+)\"")]
    private static partial Regex TotalPattern();

    [GeneratedRegex("<tr data-figure=\"(\\d+-\\d+)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [Fact]
    public void AFiguresSubjectComesBackFromTheFiguresQuery()
    {
        // The figures page, its downloads and /api/figures read figures through one query; a zone's figure keeps its subject.
        var expected = Sql.Rows(web.Database, "SELECT f.document_id || '-' || f.ordinal || '=' || f.subject FROM figures f WHERE f.subject IS NOT NULL").Order().ToList();
        Assert.NotEmpty(expected);
        using var store = Pipeline.Storage.DocumentStore.OpenReadOnly(web.Database);
        var found = store.FindFigures(new Pipeline.Storage.FigureFilter(), Pipeline.Storage.FigureSort.Document, descending: false)
            .Where(f => f.Figure.Subject is not null)
            .Select(f => $"{f.Document.Id}-{f.Ordinal}={f.Figure.Subject}").Order().ToList();
        Assert.Equal(expected, found);
    }
}
