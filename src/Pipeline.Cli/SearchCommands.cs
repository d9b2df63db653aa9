using System.Text.Json;
using Pipeline.Application;
using Pipeline.Core;
using Pipeline.Search;

namespace Pipeline.Cli;

/// <summary>`pipeline index` and `pipeline search`: the researcher's side of the product.</summary>
public static class SearchCommands
{
    /// <summary>Where the index lives unless --index says: $PIPELINE_INDEX, else data/index.</summary>
    public static string DefaultIndex => PipelineConfig.Current.Index;

    public static int Index(IReadOnlyList<string> sources, string folder, TextReader stdin, TextWriter stdout, TextWriter stderr, double waitSeconds = 0, int parallel = 1)
    {
        if (sources.Count == 0)
        {
            stderr.WriteLine("pipeline: give files to index, or --from-store to index the store");
            return 2;
        }

        var result = Searches.IndexFiles(sources, stdin, folder, TimeSpan.FromSeconds(Math.Max(0, waitSeconds)), Waiting(folder, waitSeconds, stderr), parallel: parallel);
        foreach (var note in result.Notes)
        {
            stderr.WriteLine($"pipeline: {note.Source}: {note.Message}");
        }

        stdout.WriteLine($"indexed {result.Documents} documents with {result.Figures} figures into {folder} ({result.InIndex} documents in the index)");
        return result.Failed > 0 ? 1 : 0;
    }

    /// <summary>Every stored document into the index at <paramref name="folder"/> (a rebuild: documents are replaced by URL).</summary>
    public static int IndexStore(string database, string folder, TextWriter stdout, TextWriter stderr, double waitSeconds = 0)
    {
        return Usage.Handle(stderr, () =>
        {
            var (summary, inIndex) = Searches.IndexStore(database, folder, TimeSpan.FromSeconds(Math.Max(0, waitSeconds)), Waiting(folder, waitSeconds, stderr));
            stdout.WriteLine($"indexed {summary.Indexed} stored documents into {folder} in {summary.Elapsed.TotalSeconds:F1} s ({inIndex} documents in the index)");
            return 0;
        });
    }

    private static Action<int?> Waiting(string folder, double waitSeconds, TextWriter stderr) =>
        pid => stderr.WriteLine($"pipeline: another process is writing {folder}{(pid is { } p ? $" (pid {p})" : "")}; waiting up to {waitSeconds:0.#} s");

    public static int Search(SearchRequest request, string folder, string format, TextWriter stdout, TextWriter stderr)
    {
        SearchResult result;
        try
        {
            result = Searches.Search(folder, request);
        }
        catch (NotAnIndexException e)
        {
            stderr.WriteLine($"pipeline: {e.Message}; build one with `pipeline index PATH... --index {folder}`");
            return 2;
        }
        catch (SearchUsageException e)
        {
            return Problems(e.Problems, stderr);
        }

        switch (format)
        {
            case "json":
                stdout.WriteLine(JsonSerializer.Serialize(result, FigureJson.Indented));
                break;
            case "jsonl":
                // One hit a line, always the documented hit shape; with no words, the newest documents with their matching figures.
                foreach (var hit in result.Hits)
                {
                    stdout.WriteLine(JsonSerializer.Serialize(hit, FigureJson.Options));
                }

                break;
            default:
                Table(request, result, stdout);
                break;
        }

        return 0;
    }

    private static int Problems(IReadOnlyList<Problem> problems, TextWriter stderr)
    {
        foreach (var problem in problems)
        {
            stderr.WriteLine($"pipeline search: {problem}");
        }

        return 2;
    }

    // A figure about one zone, company or project names it before its document.
    private static string About(Figure figure) => figure.Subject is { } subject ? $"[{subject}] " : "";

    private static void Table(SearchRequest request, SearchResult result, TextWriter w)
    {
        if (string.IsNullOrWhiteSpace(request.Text) && request.HasFigureFilter)
        {
            w.WriteLine(result.Figures.Count == 1 ? "1 figure matches" : $"{result.Figures.Count} figures match");
            foreach (var f in result.Figures.Take(request.Limit))
            {
                w.WriteLine($"  {FigureJson.Name(f.Figure.Metric),-20} {VietnameseFormat.Value(f.Figure),-24} {f.Figure.Period ?? "-",-10} {About(f.Figure)}{f.Title ?? f.Source}");
                w.WriteLine($"      « {f.Figure.Sentence} »");
            }

            return;
        }

        w.WriteLine((result.Total == 1 ? "1 document matches" : $"{result.Total} documents match")
            + (result.Partial > 0 ? $"; {result.Partial} more match most of the words" : ""));
        var rank = 0;
        foreach (var hit in result.Hits)
        {
            rank++;
            w.WriteLine($"{rank,3}. {hit.Published ?? "----------"}  {hit.Board ?? hit.Province ?? ""}");
            w.WriteLine($"     {hit.Title ?? hit.Source}   ({hit.Score:0.00})");
            if (hit.Missing is { Count: > 0 } missing)
            {
                w.WriteLine($"     missing: {string.Join(", ", missing)}");
            }

            w.WriteLine($"     {hit.Snippet}");
            foreach (var f in hit.Figures.Take(3))
            {
                w.WriteLine($"     → {FigureJson.Name(f.Metric)} {VietnameseFormat.Value(f)} ({f.Period ?? "-"}){(f.Subject is { } s ? " " + s : "")}");
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
