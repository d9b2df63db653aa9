using System.Text;
using Pipeline.Application;
using Pipeline.Extraction;

namespace Pipeline.Search.Tests;

/// <summary>The bundled corpus, extracted and indexed once in memory for the tests that search it.</summary>
public sealed class CorpusIndex : IDisposable
{
    public static readonly string Root = Repo.Root;

    public SearchIndex Index { get; } = SearchIndex.InMemory(SearchLanguage.Vocabulary);

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

    public void Dispose() => Index.Dispose();
}
