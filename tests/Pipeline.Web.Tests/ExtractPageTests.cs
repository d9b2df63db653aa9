using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Application;
using Pipeline.Cli;
using Pipeline.Core;
using Pipeline.Storage;

namespace Pipeline.Web.Tests;

/// <summary>The extract page and POST /api/extract give what `pipeline extract` gives, store nothing, and hold to their limits.</summary>
[Collection("web")]
public sealed partial class ExtractPageTests(WebFixture web)
{
    public static TheoryData<string> Bulletins => new() { "a01-bac-ninh-tong-ket-2018.txt", "a06-thai-nguyen-tong-ket-2017.html", "a08-hai-phong-kkt-tong-ket-2023.txt" };

    [Theory]
    [MemberData(nameof(Bulletins))]
    public async Task AnUploadedBulletinDownloadsExactlyAsPipelineExtractWritesIt(string name)
    {
        var path = Repo.Path("corpus", "bulletins", name);
        foreach (var (format, cli) in new[] { ("json", ExtractFormat.Json), ("csv", ExtractFormat.Csv) })
        {
            using var form = Upload(path, File.ReadAllBytes(path), ("source", path), ("format", format));
            using var response = await web.Http.PostAsync("/extract", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
            Assert.Equal(Cli(path, cli), body);
        }
    }

    [Theory]
    [MemberData(nameof(Bulletins))]
    public async Task APastedBulletinShowsTheFiguresAndMarksOfPipelineExtract(string name)
    {
        var path = Repo.Path("corpus", "bulletins", name);
        var text = await File.ReadAllTextAsync(path);
        var expected = Inputs.Text(ExtractPageSource, text).Read!;
        using var form = new FormUrlEncodedContent([new("text", text)]);
        using var response = await web.Http.PostAsync("/extract", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        var marks = DocumentPageTests.Marks(html);
        Assert.Equal(expected.Document.Figures.Count, marks.Count);
        Assert.Equal(expected.Document.Figures.Select(f => f.Text), marks.Select(m => m.Text));
        Assert.Equal(expected.CleanText, DocumentPageTests.PageText(html));
        Assert.Equal(expected.Document.Figures.Count, Regex.Matches(html, "<tr id=\"row-f-").Count);
        var json = WebUtility.HtmlDecode(JsonPattern().Match(html).Groups[1].Value);
        Assert.Equal(FigureJson.Serialize(new[] { expected.Document }, indented: true) + "\n", json);
    }

    [Fact]
    public async Task TheApiExtractsAsTheCliReadsAndStoresNothing()
    {
        var path = Repo.Path("corpus", "bulletins", "a02-bac-giang-6-thang-2023.txt");
        var text = await File.ReadAllTextAsync(path);
        var expected = Inputs.Text("a02", text).Read!;
        var before = Counts();
        using var form = new MultipartFormDataContent { { new StringContent(text), "text" }, { new StringContent("a02"), "source" } };
        using var response = await web.Http.PostAsync("/api/extract", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(FigureJson.Serialize(expected.Document), json.RootElement.GetProperty("document").GetRawText());
        Assert.Equal(expected.CleanText, json.RootElement.GetProperty("clean_text").GetString());
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task AFileOverFiveMegabytesIsA413Page()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', (5 * 1024 * 1024) + 1));
        using var form = Upload("big.txt", bytes);
        using var response = await web.Http.PostAsync("/extract", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nội dung quá lớn", html);
        Assert.Contains("5 MB", html);
    }

    [Fact]
    public async Task ATextOverFiveMegabytesIsA413InTheApi()
    {
        using var form = new MultipartFormDataContent { { new StringContent(new string('ệ', 1_800_000)), "text" } }; // 5.4 MB of UTF-8: over the input limit, under the body limit
        using var response = await web.Http.PostAsync("/api/extract", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task ABodyOverTheServersLimitIsA413()
    {
        // The client waits for the server's go-ahead (100-continue), so it reads the refusal instead of writing into a closed socket.
        using var form = Upload("huge.txt", new byte[7 * 1024 * 1024]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/extract") { Content = form };
        request.Headers.ExpectContinue = true;
        using var response = await web.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ABinaryFileIsRefusedSayingWhy()
    {
        using var form = Upload("photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
        using var response = await web.Http.PostAsync("/api/extract", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("photo.png", json.RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("text=abc&colour=red", "colour")]
    [InlineData("text=abc&format=xml", "format")]
    [InlineData("text=a&text=b", "text")]
    public async Task ABadFormIsA400NamingTheField(string body, string field)
    {
        using var form = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await web.Http.PostAsync("/api/extract", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, json.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task BothATextAndAFileAreRefused()
    {
        using var form = Upload("a.txt", "Vốn đạt 5 tỷ đồng."u8.ToArray(), ("text", "Thu hút 3 dự án."));
        using var response = await web.Http.PostAsync("/extract", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ExtractionsBeyondTheLimitPerMinuteAre429()
    {
        var (server, url) = await WebFixture.StartAsync(new WebOptions(web.Database, web.Index, "http://127.0.0.1:0") { ExtractsPerMinute = 2 });
        await using (server)
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var statuses = new List<HttpStatusCode>();
            foreach (var path in new[] { "/extract", "/api/extract", "/extract", "/api/extract" })
            {
                using var form = new FormUrlEncodedContent([new("text", "Năm 2023, KCN thu hút 12 dự án FDI.")]);
                using var response = await http.PostAsync(path, form);
                statuses.Add(response.StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
            using var page = await http.GetAsync("/extract");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode); // the form itself is not limited
        }
    }

    [Fact]
    public async Task AnExtractionPastTheRequestsTimeIsCutShort()
    {
        var (server, url) = await WebFixture.StartAsync(new WebOptions(web.Database, web.Index, "http://127.0.0.1:0") { RequestTimeout = TimeSpan.FromMilliseconds(250) });
        await using (server)
        {
            // The bulletins over and over, 4.5 MB of them: quick to upload, and far more than 250 ms of reading (the figures layer reads about 6 MB/s).
            var bulletins = string.Join("\n\n", Directory.GetFiles(Repo.Path("corpus", "bulletins"), "*.txt").Order().Select(File.ReadAllText));
            var text = new System.Text.StringBuilder();
            while (Encoding.UTF8.GetByteCount(text.ToString()) < 4_500_000)
            {
                text.Append(bulletins).Append("\n\n");
            }

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            using var form = new MultipartFormDataContent { { new StringContent(text.ToString()), "text" } };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await http.PostAsync("/api/extract", form);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("longer than the server allows", json.RootElement.GetProperty("error").GetString());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.Elapsed}");
        }
    }

    [Fact]
    public async Task TheFormWorksWithoutAStore()
    {
        var missing = Path.Combine(Path.GetTempPath(), "pipeline-none-" + Guid.NewGuid().ToString("N")[..8]);
        var (server, url) = await WebFixture.StartAsync(new WebOptions(Path.Combine(missing, "pipeline.db"), Path.Combine(missing, "index"), "http://127.0.0.1:0"));
        await using (server)
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            using var form = new FormUrlEncodedContent([new("text", "Năm 2023, KCN thu hút 12 dự án FDI.")]);
            using var response = await http.PostAsync("/extract", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(Directory.Exists(missing));
        }
    }

    private const string ExtractPageSource = Pages.ExtractPage.PastedSource;

    private (int Documents, int Figures) Counts()
    {
        using var store = DocumentStore.OpenReadOnly(web.Database);
        return store.Counts();
    }

    private static string Cli(string path, ExtractFormat format)
    {
        using var stdout = new StringWriter();
        Assert.Equal(0, Commands.Extract([path], format, TextReader.Null, stdout, TextWriter.Null));
        return stdout.ToString();
    }

    private static MultipartFormDataContent Upload(string name, byte[] bytes, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", Path.GetFileName(name) } };
        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }

        return form;
    }

    [GeneratedRegex("<pre id=\"extract-json\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex JsonPattern();
}
