using System.Text;
using Pipeline.Extraction;

namespace Pipeline.Search.Tests;

/// <summary>The bundled corpus, extracted and indexed once in memory for the tests that search it.</summary>
public sealed class CorpusIndex : IDisposable
{
    public static readonly string Root = FindRoot();

    public SearchIndex Index { get; } = SearchIndex.InMemory();

    public CorpusIndex()
    {
        foreach (var path in Files())
        {
            var (text, metadata) = DocumentExtractor.Read(File.ReadAllText(path, Encoding.UTF8));
            Index.Upsert(new IndexedDocument(DocumentExtractor.Extract(Path.GetFileName(path), text, metadata), text.Clean));
        }

        Index.Commit();
    }

    public static IEnumerable<string> Files() => Directory.GetFiles(Path.Combine(Root, "corpus", "bulletins"))
        .Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal)).Order();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found");
    }

    public void Dispose() => Index.Dispose();
}
