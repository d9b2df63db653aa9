using Pipeline.Crawling.Registry;

namespace Pipeline.Sites.Tests;

/// <summary>The test's own sample articles (Samples/*.txt), the bundled registry, and folders of articles built from them.</summary>
public static class SampleArticles
{
    public static readonly string Root = Repo.Root;

    public static string SourcesFile => Path.Combine(Root, "corpus", "sites", "sources.json");

    public static SourceRegistry Registry { get; } = SourceRegistry.Load(SourcesFile);

    private static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>The sample articles as published by <paramref name="board"/>.</summary>
    public static IReadOnlyList<BoardArticle> For(string board) =>
        Directory.GetFiles(SamplesFolder, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => ArticleFile.Parse(board, Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();

    /// <summary><paramref name="count"/> articles for a board: the samples again and again, each copy a week later under its own slug.</summary>
    public static IReadOnlyList<BoardArticle> Many(string board, int count)
    {
        var samples = For(board);
        return Enumerable.Range(0, count)
            .Select(i =>
            {
                var sample = samples[i % samples.Count];
                var round = i / samples.Count;
                return round == 0 ? sample : sample with { Slug = $"{sample.Slug}-{round}", Date = sample.Date.AddDays(7 * round) };
            })
            .ToList();
    }

    public static Board BoardOf(string name)
    {
        var s = Registry.Named(name)!;
        return new Board(s.Name, s.Title, s.Province, s.Platform, s.BaseUrl.Host);
    }

    /// <summary>A temp folder laid out as corpus/sites/articles: for every board, <paramref name="count"/> article files.</summary>
    public static string WriteFolder(int count)
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-sites-").FullName;
        foreach (var source in Registry.Sources)
        {
            var dir = Directory.CreateDirectory(Path.Combine(folder, source.Name)).FullName;
            foreach (var a in Many(source.Name, count))
            {
                File.WriteAllText(Path.Combine(dir, $"{a.Date:yyyy-MM-dd}-{a.Slug}.txt"), Write(a));
            }
        }

        return folder;
    }

    /// <summary>An article in the file format.</summary>
    public static string Write(BoardArticle a)
    {
        var blocks = a.Blocks.Select(b => b switch
        {
            Paragraph p => p.Text,
            Table t => string.Join("\n", t.Rows.Select(r => string.Join(" | ", r))),
            _ => "",
        });
        return $"title: {a.Title}\ndate: {a.Date:yyyy-MM-dd}\ntype: {a.Type}\n" + (a.Author is { } author ? $"author: {author}\n" : "") + "---\n" + string.Join("\n\n", blocks) + "\n";
    }
}
