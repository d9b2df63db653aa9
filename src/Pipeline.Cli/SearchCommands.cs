using System.Text.Json;
using Pipeline.Core;
using Pipeline.Learning;
using Pipeline.Search;

namespace Pipeline.Cli;

/// <summary>`pipeline index` and `pipeline search`: the researcher's side of the product.</summary>
public static class SearchCommands
{
    /// <summary>Where the index lives unless --index says: $PIPELINE_INDEX, else data/index.</summary>
    public static string DefaultIndex => PipelineConfig.Current.Index;

    public static int Index(IReadOnlyList<string> sources, string folder, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (sources.Count == 0)
        {
            stderr.WriteLine("pipeline: give files to index, or --from-store to index the store");
            return 2;
        }

        var failed = 0;
        var indexed = 0;
        var figures = 0;
        using var index = SearchIndex.Open(folder);
        foreach (var result in SourceExtractor.ExtractAll(sources, stdin, stderr, () => failed++))
        {
            // Files get a page type as crawled pages do, so --type filters them alike.
            var verdict = ShippedModels.Page.Classify(result.Document.Title ?? "", result.CleanText, result.Document.Figures);
            index.Upsert(new IndexedDocument(result.Document, result.CleanText, verdict.Type));
            indexed++;
            figures += result.Document.Figures.Count;
        }

        index.Commit();
        stdout.WriteLine($"indexed {indexed} documents with {figures} figures into {folder} ({index.DocumentCount} documents in the index)");
        return failed > 0 ? 1 : 0;
    }

    /// <summary>Every stored document into the index at <paramref name="folder"/> (a rebuild: documents are replaced by URL).</summary>
    public static int IndexStore(string database, string folder, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(database))
        {
            stderr.WriteLine($"pipeline: {database}: no such database; run `pipeline run` first");
            return 2;
        }

        using var documents = Pipeline.Storage.DocumentStore.Open(database);
        using var index = SearchIndex.Open(folder);
        var summary = new Pipeline.Processing.IndexStage(documents, index).Run(all: true);
        stdout.WriteLine($"indexed {summary.Indexed} stored documents into {folder} in {summary.Elapsed.TotalSeconds:F1} s ({index.DocumentCount} documents in the index)");
        return 0;
    }

    public static int Search(SearchRequest request, string folder, string format, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"pipeline: no index at {folder}; build one with `pipeline index PATH... --index {folder}`");
            return 1;
        }

        using var index = SearchIndex.Open(folder);
        var result = index.Search(request);
        switch (format)
        {
            case "json":
                stdout.WriteLine(JsonSerializer.Serialize(result, FigureJson.Indented));
                break;
            case "jsonl":
                if (request.Text is { Length: > 0 } || !request.HasFigureFilter)
                {
                    foreach (var hit in result.Hits)
                    {
                        stdout.WriteLine(JsonSerializer.Serialize(hit, FigureJson.Options));
                    }
                }
                else
                {
                    foreach (var f in result.Figures)
                    {
                        stdout.WriteLine(JsonSerializer.Serialize(f, FigureJson.Options));
                    }
                }

                break;
            default:
                Table(request, result, stdout);
                break;
        }

        return 0;
    }

    private static void Table(SearchRequest request, SearchResult result, TextWriter w)
    {
        if (string.IsNullOrWhiteSpace(request.Text) && request.HasFigureFilter)
        {
            w.WriteLine(result.Figures.Count == 1 ? "1 figure matches" : $"{result.Figures.Count} figures match");
            foreach (var f in result.Figures.Take(request.Limit))
            {
                w.WriteLine($"  {FigureJson.Name(f.Figure.Metric),-20} {VietnameseFormat.Value(f.Figure),-24} {f.Figure.Period ?? "-",-10} {f.Title ?? f.Source}");
                w.WriteLine($"      « {f.Figure.Sentence} »");
            }

            return;
        }

        w.WriteLine(result.Total == 1 ? "1 document matches" : $"{result.Total} documents match");
        var rank = 0;
        foreach (var hit in result.Hits)
        {
            rank++;
            w.WriteLine($"{rank,3}. {hit.Published ?? "----------"}  {hit.Board ?? hit.Province ?? ""}");
            w.WriteLine($"     {hit.Title ?? hit.Source}   ({hit.Score:0.00})");
            w.WriteLine($"     {hit.Snippet}");
            foreach (var f in hit.Figures.Take(3))
            {
                w.WriteLine($"     → {FigureJson.Name(f.Metric)} {VietnameseFormat.Value(f)} ({f.Period ?? "-"})");
            }
        }

        foreach (var (name, counts) in result.Facets)
        {
            if (counts.Count > 0)
            {
                w.WriteLine($"  {name}: {string.Join(", ", counts.Take(8).Select(c => $"{c.Value} ({c.Count})"))}");
            }
        }
    }
}
