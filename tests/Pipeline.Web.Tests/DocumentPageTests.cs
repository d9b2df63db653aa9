using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Core;
using Pipeline.Storage;
using Pipeline.Web.Html;
using Pipeline.Web.Pages;

namespace Pipeline.Web.Tests;

/// <summary>The document page over the bundled corpus: its marks are the store's figures, its shared facts are the store's, unknown documents are 404s.</summary>
[Collection("web")]
public sealed partial class DocumentPageTests(WebFixture web)
{
    [Fact]
    public async Task EveryDocumentPageMarksExactlyTheStoresFiguresInItsText()
    {
        using var store = DocumentStore.OpenReadOnly(web.Database);
        var documents = store.Documents().ToList();
        Assert.True(documents.Count > 50, $"the bundled corpus gives {documents.Count} documents");
        var figures = 0;
        foreach (var document in documents)
        {
            var html = await web.Http.GetStringAsync($"/documents/{document.Id}");
            var marks = Marks(html);
            var expected = Markable(document);
            Assert.Equal(expected.Select(i => i + 1), marks.Select(m => m.Number));
            foreach (var (number, text) in marks)
            {
                var figure = document.Figures[number - 1];
                Assert.Equal(document.Text[figure.Start..figure.End], text);
                Assert.Equal(figure.Text, text);
            }

            // Highlighting adds marks and nothing else: the page's text is the stored text.
            Assert.Equal(document.Text, PageText(html));
            figures += marks.Count;
        }

        Assert.True(figures > 1000, $"{figures} figures marked");
    }

    [Fact]
    public async Task TheApiGivesTheStoredDocumentAndFigures()
    {
        using var store = DocumentStore.OpenReadOnly(web.Database);
        var document = store.Documents().First(d => d.Figures.Count > 5);
        using var json = JsonDocument.Parse(await web.Http.GetStringAsync($"/api/documents/{document.Id}"));
        var root = json.RootElement;
        Assert.Equal(document.Url, root.GetProperty("url").GetString());
        Assert.Equal(document.Text, root.GetProperty("text").GetString());
        var figures = root.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(document.Figures.Count, figures.Count);
        for (var i = 0; i < figures.Count; i++)
        {
            Assert.Equal(FigureJson.Name(document.Figures[i].Metric), figures[i].GetProperty("metric").GetString());
            Assert.Equal(document.Figures[i].Value, figures[i].GetProperty("value").GetDecimal());
            Assert.Equal(document.Figures[i].Start, figures[i].GetProperty("start").GetInt32());
        }
    }

    [Fact]
    public async Task SharedFactsAreTheOtherDocumentsWithTheSameFactKey()
    {
        using var store = DocumentStore.OpenReadOnly(web.Database);
        var documents = store.Documents().ToList();
        var keys = documents.ToDictionary(d => d.Id, d => d.Figures.Select(f => FactKey.Of(d.Province, f)).OfType<string>().ToHashSet());
        var checkedDocuments = 0;
        foreach (var document in documents.Where(d => keys[d.Id].Count > 0).Take(40))
        {
            var expected = documents.Where(o => o.Id != document.Id && o.Figures.Any(f => FactKey.Of(o.Province, f) is { } k && keys[document.Id].Contains(k)))
                .Select(o => o.Id).ToHashSet();
            using var json = JsonDocument.Parse(await web.Http.GetStringAsync($"/api/documents/{document.Id}"));
            var shared = json.RootElement.GetProperty("shared_facts").EnumerateArray().ToList();
            var others = shared.SelectMany(s => s.GetProperty("others").EnumerateArray().Select(o => o.GetProperty("document_id").GetInt64())).ToHashSet();
            Assert.Equal(expected.Order(), others.Order());
            if (expected.Count > 0)
            {
                var html = await web.Http.GetStringAsync($"/documents/{document.Id}");
                foreach (var id in expected)
                {
                    Assert.Contains($"href=\"/documents/{id}\"", html);
                }

                checkedDocuments++;
            }
        }

        Assert.True(checkedDocuments > 3, $"only {checkedDocuments} documents share facts");
    }

    [Fact]
    public async Task AUrlLeadsToItsDocument()
    {
        using var store = DocumentStore.OpenReadOnly(web.Database);
        var document = store.Documents().First();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(web.BaseUrl) };
        using var response = await http.GetAsync("/document?url=" + Uri.EscapeDataString(document.Url) + "&lang=en");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/documents/{document.Id}?lang=en", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/documents/987654321")]
    [InlineData("/documents/-1")]
    [InlineData("/documents/abc")]
    [InlineData("/document?url=https%3A%2F%2Fexample.invalid%2Fnone")]
    public async Task AnUnknownDocumentIsA404Page(string path)
    {
        using var response = await web.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownDocumentInTheApiIsA404InJson()
    {
        using var response = await web.Http.GetAsync("/api/documents/987654321");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("/document")]
    [InlineData("/document?url=a&url=b")]
    [InlineData("/documents/1?page=2")]
    public async Task AMissingOrUnknownParameterIsA400(string path)
    {
        using var response = await web.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("https://bqlkcn.example.vn/tin/1", true)]
    [InlineData("http://bqlkcn.example.vn/tin/1", true)]
    [InlineData("javascript:alert(3)", false)]
    [InlineData("JavaScript:alert(3)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("bulletins/a01.txt", false)]
    public void OnlyAWebAddressBecomesALink(string url, bool link)
    {
        var html = DocumentPage.SourceLink(url).ToString();
        Assert.Equal(link, html.Contains("href=", StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html);
        Assert.Equal(url, WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")));
    }

    [Fact]
    public void OverlappingEmptyOrOutOfRangeSpansAreLeftUnmarked()
    {
        const string text = "Vốn <b>FDI</b> đạt 1.250 triệu USD, tăng 12%.";
        Figure F(int start, int end) => new() { Metric = Metric.InvestmentCapital, Measure = Measure.Level, Value = 1, Unit = "USD", Text = "", Start = start, End = end };
        var start = text.IndexOf("1.250", StringComparison.Ordinal);
        var figures = new[]
        {
            F(start, start + "1.250 triệu USD".Length), // 1: marked
            F(start + 2, start + 5),                    // 2: inside 1
            F(text.IndexOf("12%", StringComparison.Ordinal), text.IndexOf("12%", StringComparison.Ordinal) + 3), // 3: marked
            F(-4, 2),                                   // 4: before the text
            F(10, 10),                                  // 5: empty
            F(text.Length - 1, text.Length + 30),       // 6: past the end
        };
        var (html, marked) = FigureMarks.Highlight(text, figures);
        Assert.Equal([0, 2], marked.Order());
        Assert.Contains("&lt;b&gt;FDI&lt;/b&gt;", html.ToString());
        Assert.Equal([1, 3], Marks(html.ToString()).Select(m => m.Number));
        Assert.Equal(text, WebUtility.HtmlDecode(Regex.Replace(html.ToString(), "<[^>]+>", "")));
    }

    /// <summary>The figures a page can mark: in range, not empty, not overlapping one marked before (in text order).</summary>
    private static List<int> Markable(StoredDocument document)
    {
        var result = new List<int>();
        var end = 0;
        foreach (var (f, i) in document.Figures.Select((f, i) => (f, i)).OrderBy(x => x.f.Start).ThenByDescending(x => x.f.End).ThenBy(x => x.i))
        {
            if (f.Start >= end && f.Start < f.End && f.End <= document.Text.Length)
            {
                result.Add(i);
                end = f.End;
            }
        }

        return [.. result.Order()];
    }

    internal static List<(int Number, string Text)> Marks(string html) =>
        [.. MarkPattern().Matches(html).Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), WebUtility.HtmlDecode(m.Groups[2].Value))).OrderBy(m => m.Item1)];

    internal static string PageText(string html)
    {
        var text = TextPattern().Match(html);
        Assert.True(text.Success, "the page has no clean-text block");
        return WebUtility.HtmlDecode(Regex.Replace(text.Groups[1].Value, "<[^>]+>", ""));
    }

    [GeneratedRegex("<mark class=\"figure\" id=\"f-(\\d+)\">([^<]*)</mark>")]
    private static partial Regex MarkPattern();

    [GeneratedRegex("<div class=\"clean-text\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex TextPattern();
}
