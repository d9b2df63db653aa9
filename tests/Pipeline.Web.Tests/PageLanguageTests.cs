using System.Net;
using Pipeline.Storage;

namespace Pipeline.Web.Tests;

/// <summary>The document, extract and sources pages speak Vietnamese by default and English on request, keeping the language on their links.</summary>
[Collection("web")]
public sealed class PageLanguageTests(WebFixture web)
{
    [Theory]
    [InlineData("/sources", "Nguồn dữ liệu", "Sources")]
    [InlineData("/extract", "Trích xuất số liệu", "Extract figures")]
    [InlineData("/documents/{id}", "Số liệu trùng với tài liệu khác", "Facts shared with other documents")]
    public async Task EachPageIsInBothLanguages(string path, string vi, string en)
    {
        using (var store = DocumentStore.OpenReadOnly(web.Database))
        {
            path = path.Replace("{id}", SharingDocument(store).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var html = await web.Http.GetStringAsync(path);
        Assert.Contains(vi, html);
        using var english = await web.Http.GetAsync(path + "?lang=en");
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        var text = await english.Content.ReadAsStringAsync();
        Assert.Contains(en, text);
        Assert.Contains("<html lang=\"en\">", text);
        Assert.DoesNotContain(vi, text);
    }

    [Fact]
    public async Task AnEnglishDocumentLinksOtherDocumentsInEnglish()
    {
        long id;
        using (var store = DocumentStore.OpenReadOnly(web.Database))
        {
            id = SharingDocument(store);
        }

        var html = await web.Http.GetStringAsync($"/documents/{id}?lang=en");
        Assert.Matches("href=\"/documents/\\d+\\?lang=en\"", html);
    }

    /// <summary>A document that shares a fact with another.</summary>
    private static long SharingDocument(DocumentStore store) => store.Documents().First(d => store.SharedFacts(d.Id, 1).Count > 0).Id;
}
