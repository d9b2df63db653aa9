using System.Net;
using System.Text.Json;
using Pipeline.Web.Http;

namespace Pipeline.Web.Tests;

/// <summary>What every answer of the server holds to, whatever the page: its headers, its errors, its assets.</summary>
[Collection("web")]
public sealed class ServerTests(WebFixture web)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/figures")]
    [InlineData("/charts")]
    [InlineData("/extract")]
    [InlineData("/sources")]
    [InlineData("/no-such-page")]
    [InlineData("/api/openapi.json")]
    public async Task EveryAnswerCarriesTheContentSecurityPolicy(string path)
    {
        using var response = await web.Http.GetAsync(path);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task AnUnknownPageIsA404PageInVietnamese()
    {
        using var response = await web.Http.GetAsync("/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không tìm thấy", html);
        Assert.Contains("<html lang=\"vi\">", html);
    }

    [Fact]
    public async Task AnUnknownApiPathIsA404InJson()
    {
        using var response = await web.Http.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task EnglishIsOneParameterAway()
    {
        using var response = await web.Http.GetAsync("/no-such-page?lang=en");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Not found", html);
        Assert.Contains("href=\"/no-such-page\"", html); // the switch back to Vietnamese keeps the page
    }

    [Theory]
    [InlineData("site.css", "text/css")]
    [InlineData("site.js", "text/javascript")]
    [InlineData("icon.svg", "image/svg+xml")]
    public async Task AssetsAreServedFromTheProductItself(string name, string type)
    {
        using var response = await web.Http.GetAsync("/assets/" + name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/assets/..%2F..%2FPipeline.Web.dll")]
    [InlineData("/assets/..%2Fappsettings.json")]
    [InlineData("/assets/%2Fetc%2Fpasswd")]
    [InlineData("/assets/site.css%00.png")]
    public async Task NoAssetPathReachesTheFileSystem(string path)
    {
        using var response = await web.Http.GetAsync(path);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest }); // Kestrel itself refuses a NUL
    }

    [Fact]
    public async Task NoPageLinksAnotherHost()
    {
        foreach (var path in new[] { "/", "/figures", "/charts", "/extract", "/sources" })
        {
            var html = await web.Http.GetStringAsync(path);
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        }
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryApiEndpoint()
    {
        using var json = JsonDocument.Parse(await web.Http.GetStringAsync("/api/openapi.json"));
        Assert.Equal("3.1.0", json.RootElement.GetProperty("openapi").GetString());
        var described = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var mapped = web.ApiRoutes();
        Assert.Equal(mapped.Order(), described.Order());
    }

    [Fact]
    public async Task AStoreThatDoesNotExistYetGetsAPageSayingHowToFillIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "pipeline-none-" + Guid.NewGuid().ToString("N")[..8]);
        var (server, url) = await WebFixture.StartAsync(new WebOptions(Path.Combine(missing, "pipeline.db"), Path.Combine(missing, "index"), "http://127.0.0.1:0"));
        await using (server)
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var html = await http.GetStringAsync("/");
            Assert.Contains("Chưa có dữ liệu", html);
            Assert.Contains("pipeline run", html);
            Assert.False(Directory.Exists(missing)); // reading never creates the store
        }
    }

    [Theory]
    [InlineData("1234.5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("98,52", 98.52)]
    [InlineData("-3", -3)]
    public void NumbersAreReadInEitherConvention(string text, double expected)
    {
        Assert.True(Numbers.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1..2")]
    [InlineData("")]
    public void NonNumbersAreRefused(string text) => Assert.False(Numbers.TryParse(text, out _));
}
