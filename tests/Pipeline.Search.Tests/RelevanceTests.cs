using System.Text.Json;
using Xunit.Abstractions;

namespace Pipeline.Search.Tests;

/// <summary>
/// Relevance on the judged query set (Relevance/judgments.json: accented, unaccented, Telex,
/// multi-word, filtered and figure queries, each with its relevant bulletins, best first).
/// </summary>
public class RelevanceTests(CorpusIndex corpus, ITestOutputHelper output) : IClassFixture<CorpusIndex>
{
    private sealed record Judgment(string Id, string Query, string Kind, string? Province, int? From, int? To, string? Metric,
        decimal? Min, decimal? Max, string? Unit, IReadOnlyList<string> Relevant, string? Of);

    private static IReadOnlyList<Judgment> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusIndex.Root, "tests", "Pipeline.Search.Tests", "Relevance", "judgments.json")));
        return doc.RootElement.EnumerateArray().Select(e => new Judgment(
            e.GetProperty("id").GetString()!, e.GetProperty("query").GetString()!, e.GetProperty("kind").GetString()!,
            Str(e, "province"), Int(e, "from"), Int(e, "to"), Str(e, "metric"), Dec(e, "min"), Dec(e, "max"), Str(e, "unit"),
            e.GetProperty("relevant").EnumerateArray().Select(r => r.GetString()!).ToList(), Str(e, "of"))).ToList();

        static string? Str(JsonElement e, string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        static int? Int(JsonElement e, string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        static decimal? Dec(JsonElement e, string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
    }

    private List<string> Run(Judgment j) => corpus.Index.Search(new SearchRequest
    {
        Text = j.Query,
        Province = j.Province,
        FromYear = j.From,
        ToYear = j.To,
        Metric = j.Metric,
        Min = j.Min,
        Max = j.Max,
        Unit = j.Unit,
        Limit = 10,
    }).Hits.Select(h => h.Source).ToList();

    [Fact]
    public void Judged_queries_reach_MRR_090_at_10()
    {
        var judgments = Load();
        Assert.True(judgments.Count >= 40, "the judged set needs at least 40 queries");
        double mrr = 0, ndcg = 0;
        foreach (var j in judgments)
        {
            var ranked = Run(j);
            var first = ranked.FindIndex(j.Relevant.Contains);
            var rr = first < 0 ? 0 : 1.0 / (first + 1);
            // Graded gains: the judged best document counts 2, the other relevant ones 1.
            double Gain(string source) => source == j.Relevant[0] ? 2 : j.Relevant.Contains(source) ? 1 : 0;
            var dcg = ranked.Select((s, i) => (Math.Pow(2, Gain(s)) - 1) / Math.Log2(i + 2)).Sum();
            var ideal = j.Relevant.Select(Gain).OrderDescending().Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
            mrr += rr;
            ndcg += ideal == 0 ? 0 : dcg / ideal;
            if (rr < 1)
            {
                output.WriteLine($"{j.Id} ({j.Kind}) rr {rr:0.00}: «{j.Query}» want {j.Relevant[0]}, got {string.Join(", ", ranked.Take(3))}");
            }
        }

        mrr /= judgments.Count;
        ndcg /= judgments.Count;
        output.WriteLine($"MRR@10 {mrr:0.000}, nDCG@10 {ndcg:0.000} over {judgments.Count} queries");
        Assert.True(mrr >= 0.9, $"MRR@10 {mrr:0.000} is below 0.9");
    }

    [Fact]
    public void Unaccented_and_Telex_forms_return_the_accented_querys_top_hit()
    {
        var judgments = Load().ToDictionary(j => j.Id);
        var pairs = judgments.Values.Where(j => j.Of is not null && j.Kind is "unaccented" or "telex").ToList();
        Assert.NotEmpty(pairs);
        var mismatches = pairs.Where(p => Run(p).FirstOrDefault() != Run(judgments[p.Of!]).FirstOrDefault())
            .Select(p => $"{p.Id} «{p.Query}»: {Run(p).FirstOrDefault()} vs {Run(judgments[p.Of!]).FirstOrDefault()}").ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
