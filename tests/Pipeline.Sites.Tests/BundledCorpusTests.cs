using System.Globalization;
using System.Text;
using Pipeline.Extraction.Html;

namespace Pipeline.Sites.Tests;

/// <summary>
/// The bundled articles (corpus/sites/articles, written on another branch) read back from their pages.
/// Until that folder is in the tree there is nothing to check and the test passes empty.
/// </summary>
public class BundledCorpusTests
{
    private static string Folder => Environment.GetEnvironmentVariable("PIPELINE_SITES_ARTICLES") is { Length: > 0 } folder
        ? folder
        : Path.Combine(SampleArticles.Root, "corpus", "sites", "articles");

    [Fact]
    public void EveryBundledArticleReadsBackFromItsPage()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        var problems = new List<string>();
        var sites = BundledSites.Build(Folder, Pipeline.Application.Runs.BundledBoards(SampleArticles.Registry));
        foreach (var site in sites)
        {
            var source = SampleArticles.Registry.Named(site.Board.Name)!;
            var selectors = new ArticleSelectors(source.Selectors.Title, source.Selectors.Date, source.Selectors.Body);
            foreach (var published in site.Articles)
            {
                var html = Encoding.UTF8.GetString(site.Find(published.Path, "")!.Body);
                var read = ArticleExtractor.Extract(html, new Uri(site.Board.BaseUrl, published.Path), selectors);
                var f1 = TokenOverlap.F1(read.Body, published.Article.Text);
                var date = published.Article.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (f1 < 0.97 || read.Title != published.Article.Title || read.Published?[..10] != date || read.IsListing)
                {
                    problems.Add($"{site.Board.Name} {published.Path}: F1 {f1:F3}, title \"{read.Title}\", date {read.Published}, listing {read.IsListing} ({read.Reason})\n--- read:\n{read.Body}\n--- written:\n{published.Article.Text}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} of {sites.Sum(s => s.Articles.Count)} articles:\n" + string.Join("\n\n", problems));
    }
}
