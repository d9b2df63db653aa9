using System.Text;
using System.Text.Json;
using Pipeline.Core;
using Xunit.Abstractions;

namespace Pipeline.Extraction.Tests;

/// <summary>
/// Scores the extractor on the project's annotated bulletins with the matching rules of the shared
/// scorer: a figure matches when metric, measure and unit are equal and values agree to 0.1%;
/// the same figure twice counts once; values in a gold file's "ignore" list are neither right nor wrong.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private static readonly string Folder = Repo.Path("corpus", "bulletins");

    private sealed record GoldFigure(string Metric, string Measure, decimal Value, string Unit, JsonElement Raw);

    private sealed record GoldDocument(string Document, string? Province, IReadOnlyList<GoldFigure> Figures, IReadOnlyList<decimal> Ignore, JsonElement Raw);

    /// <summary>What one pass over the corpus measured: figure counts, attribute and document-field tallies, and every error.</summary>
    private sealed record CorpusScore(int Tp, int Fp, int Fn, IReadOnlyDictionary<string, (int Ok, int All)> Attributes,
        IReadOnlyDictionary<string, (int Ok, int All)> Fields, int InventedDates, IReadOnlyList<string> Errors)
    {
        public double F1 => 2.0 * Tp / (2.0 * Tp + Fp + Fn);
    }

    private static readonly Lazy<CorpusScore> Measured = new(Measure);

    private static IReadOnlyList<GoldDocument> Gold() => Directory.GetFiles(Path.Combine(Folder, "gold"), "*.json").Order().Select(path =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
        var root = doc.RootElement.Clone();
        var figures = root.GetProperty("figures").EnumerateArray().Select(f => new GoldFigure(
            f.GetProperty("metric").GetString()!, f.TryGetProperty("measure", out var m) ? m.GetString()! : "level",
            f.GetProperty("value").GetDecimal(), f.GetProperty("unit").GetString()!, f)).ToList();
        var ignore = root.TryGetProperty("ignore", out var ig) ? ig.EnumerateArray().Select(v => v.GetDecimal()).ToList() : [];
        var province = root.TryGetProperty("province", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return new GoldDocument(root.GetProperty("document").GetString()!, province, figures, ignore, root);
    }).ToList();

    private static bool Close(decimal a, decimal b) => a == b || Math.Abs(a - b) <= 0.001m * Math.Max(Math.Abs(a), Math.Abs(b));

    private static bool Same(Figure p, GoldFigure g) =>
        FigureJson.Name(p.Metric) == g.Metric && FigureJson.Name(p.Measure) == g.Measure && p.Unit == g.Unit && Close(p.Value, g.Value);

    /// <summary>A period as the scorer compares it: "..2023-06" (summed up to) and "2023-06" (a stock then) are one.</summary>
    private static string? PeriodKey(string? period) => period?.TrimStart('.');

    /// <summary>
    /// CORPUS_ONLY (comma-separated name prefixes, "d25,d26") scores a part of the corpus alone, e.g. a holdout
    /// written before the code saw it; the bars still apply, so a failing part shows its errors.
    /// </summary>
    private static IEnumerable<GoldDocument> Selected()
    {
        var only = Environment.GetEnvironmentVariable("CORPUS_ONLY")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return only is null or [] ? Gold() : Gold().Where(g => only.Any(o => g.Document.StartsWith(o, StringComparison.Ordinal)));
    }

    private static CorpusScore Measure()
    {
        int tp = 0, fp = 0, fn = 0, invented = 0;
        var errors = new List<string>();
        var attributes = new Dictionary<string, (int Ok, int All)>();
        var fields = new Dictionary<string, (int Ok, int All)>();
        foreach (var gold in Selected())
        {
            var text = File.ReadAllText(Path.Combine(Folder, gold.Document), Encoding.UTF8);
            var document = DocumentExtractor.Extract(gold.Document, text);
            ScoreFields(fields, errors, ref invented, document, gold.Raw);
            var predicted = new List<Figure>();
            foreach (var f in document.Figures)
            {
                if (!predicted.Any(o => o.Metric == f.Metric && o.Measure == f.Measure && o.Unit == f.Unit && Close(o.Value, f.Value)))
                {
                    predicted.Add(f);
                }
            }

            var used = new HashSet<int>();
            foreach (var g in gold.Figures)
            {
                var i = predicted.FindIndex(p => !used.Contains(predicted.IndexOf(p)) && Same(p, g));
                if (i < 0)
                {
                    fn++;
                    errors.Add($"missed   {gold.Document}: {g.Metric}/{g.Measure} {g.Value} {g.Unit}");
                    continue;
                }

                used.Add(i);
                tp++;
                Score(attributes, predicted[i], g.Raw);
                var label = $"{gold.Document}: {g.Metric}/{g.Measure} {g.Value} {g.Unit}";
                if (g.Raw.TryGetProperty("period", out var want) && PeriodKey(want.ValueKind == JsonValueKind.Null ? null : want.GetString()) is var w
                    && PeriodKey(predicted[i].Period) != w)
                {
                    errors.Add($"period   {label}: {predicted[i].Period ?? "null"}, gold {w ?? "null"} «{predicted[i].Text}»");
                }

                var wantScope = g.Raw.TryGetProperty("scope", out var sc) && sc.ValueKind == JsonValueKind.String ? sc.GetString() : null;
                var gotScope = predicted[i].Scope is { } s ? FigureJson.Name(s) : null;
                if (wantScope != gotScope)
                {
                    errors.Add($"scope    {label}: {gotScope ?? "null"}, gold {wantScope ?? "null"} «{predicted[i].Text}»");
                }
            }

            for (var i = 0; i < predicted.Count; i++)
            {
                if (!used.Contains(i) && !gold.Ignore.Any(v => Close(v, predicted[i].Value)))
                {
                    fp++;
                    errors.Add($"spurious {gold.Document}: {FigureJson.Name(predicted[i].Metric)}/{FigureJson.Name(predicted[i].Measure)} {predicted[i].Value} {predicted[i].Unit} «{predicted[i].Text}»");
                }
            }
        }

        return new CorpusScore(tp, fp, fn, attributes, fields, invented, errors);
    }

    /// <summary>The document's own fields: its period, its publication date (none invented where the page shows none), its province.</summary>
    private static void ScoreFields(Dictionary<string, (int Ok, int All)> tally, List<string> errors, ref int invented, ExtractedDocument got, JsonElement gold)
    {
        void Add(string name, string? have, string? want)
        {
            var (ok, all) = tally.GetValueOrDefault(name);
            tally[name] = (ok + (have == want ? 1 : 0), all + 1);
            if (have != want)
            {
                errors.Add($"{name,-8} {gold.GetProperty("document").GetString()}: {have ?? "null"}, gold {want ?? "null"}");
            }
        }

        string? Field(string name) => gold.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (gold.TryGetProperty("period", out _))
        {
            Add("document period", PeriodKey(got.Period), PeriodKey(Field("period")));
        }

        if (gold.TryGetProperty("published", out _))
        {
            Add("published", got.Published, Field("published"));
            if (Field("published") is null && got.Published is not null)
            {
                invented++;
            }
        }

        if (gold.TryGetProperty("province", out _))
        {
            Add("province", got.Province, Field("province"));
        }
    }

    private static void Print(ITestOutputHelper output, CorpusScore score)
    {
        output.WriteLine($"figures: P {score.Tp / (double)(score.Tp + score.Fp):0.000} R {score.Tp / (double)(score.Tp + score.Fn):0.000} F1 {score.F1:0.000} (tp {score.Tp}, fp {score.Fp}, fn {score.Fn})");
        foreach (var (name, (ok, all)) in score.Attributes.Concat(score.Fields))
        {
            output.WriteLine($"{name}: {ok}/{all} ({ok / (double)Math.Max(1, all):0.000})");
        }

        output.WriteLine($"dates invented where the page shows none: {score.InventedDates}");
        foreach (var e in score.Errors)
        {
            output.WriteLine(e);
        }
    }

    private static void AtLeast(CorpusScore score, IReadOnlyDictionary<string, (int Ok, int All)> tally, string name, double bar)
    {
        var (ok, all) = tally[name];
        Assert.True(ok >= bar * all, $"{name} right on {ok}/{all}, below {bar:P0}:\n"
            + string.Join('\n', score.Errors.Where(e => e.StartsWith(name.Split(' ')[0], StringComparison.Ordinal)).Take(40)));
    }

    [Fact]
    public void Extractor_scores_at_least_099_F1_on_the_annotated_corpus()
    {
        var score = Measured.Value;
        Print(output, score);
        Assert.True(score.F1 >= 0.99, $"F1 {score.F1:0.000} is below 0.99:\n{string.Join('\n', score.Errors.Where(e => e.StartsWith("missed", StringComparison.Ordinal) || e.StartsWith("spurious", StringComparison.Ordinal)).Take(40))}");
        foreach (var name in new[] { "approx", "estimate", "target" })
        {
            AtLeast(score, score.Attributes, name, 0.95);
        }
    }

    [Fact]
    public void Figures_carry_the_scope_and_period_of_their_context()
    {
        var score = Measured.Value;
        AtLeast(score, score.Attributes, "scope", 0.95);
        AtLeast(score, score.Attributes, "period", 0.90);
    }

    [Fact]
    public void Documents_carry_their_own_period()
    {
        var score = Measured.Value;
        AtLeast(score, score.Fields, "document period", 0.90);
    }

    /// <summary>FIGURES.md "published": the page's own date line, never a date from the body; null when the page shows none.</summary>
    [Fact]
    public void Documents_carry_their_own_publication_date_and_invent_none()
    {
        var score = Measured.Value;
        AtLeast(score, score.Fields, "published", 0.95);
        Assert.True(score.InventedDates == 0, $"{score.InventedDates} documents got a publication date their page does not show");
    }

    private static void Score(Dictionary<string, (int Ok, int All)> tally, Figure p, JsonElement g)
    {
        void Add(string name, string? got, string? want)
        {
            var (ok, all) = tally.GetValueOrDefault(name);
            tally[name] = (ok + (got == want ? 1 : 0), all + 1);
        }

        string? Text(string name, string? fallback) =>
            g.TryGetProperty(name, out var v) ? v.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => v.GetString(),
            } : fallback;

        Add("approx", FigureJson.Name(p.Approx), Text("approx", "exact"));
        Add("estimate", p.Estimate ? "true" : "false", Text("estimate", "false"));
        Add("target", p.Target ? "true" : "false", Text("target", "false"));
        Add("scope", p.Scope is { } s ? FigureJson.Name(s) : null, Text("scope", null));
        if (g.TryGetProperty("period", out _))
        {
            Add("period", p.Period?.TrimStart('.'), Text("period", null)?.TrimStart('.'));
        }
    }

    [Fact]
    public void Corpus_covers_what_the_extractor_must_handle()
    {
        var gold = Gold();
        Assert.True(gold.Count >= 60, $"{gold.Count} bulletins; at least 60 are needed");
        Assert.True(gold.Select(g => g.Province).Where(p => p is not null).Distinct().Count() >= 20, "fewer than 20 provinces");
        Assert.True(gold.Count(g => g.Figures.Count == 0) >= 2, "no bulletins without figures");
        Assert.Contains(gold, g => g.Document.EndsWith(".html", StringComparison.Ordinal));
        var figures = gold.SelectMany(g => g.Figures).ToList();
        foreach (var metric in Enum.GetValues<Metric>())
        {
            Assert.Contains(figures, f => f.Metric == FigureJson.Name(metric));
        }

        foreach (var measure in Enum.GetValues<Measure>())
        {
            Assert.Contains(figures, f => f.Measure == FigureJson.Name(measure));
        }

        foreach (var unit in new[] { "VND", "USD", "percent", "project", "worker", "enterprise", "procedure", "ha", "m2", "m3", "tonne", "item", "count" })
        {
            Assert.Contains(figures, f => f.Unit == unit);
        }

        Assert.Contains(figures, f => f.Unit.Contains('/'));
        foreach (var approx in Enum.GetValues<Approx>())
        {
            Assert.Contains(figures, f => (f.Raw.TryGetProperty("approx", out var a) ? a.GetString() : "exact") == FigureJson.Name(approx));
        }

        var periods = figures.Select(f => f.Raw.TryGetProperty("period", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "").ToList();
        Assert.Contains(periods, p => p.Length == 4);
        Assert.Contains(periods, p => p.EndsWith("-H1", StringComparison.Ordinal));
        Assert.Contains(periods, p => p.Contains("-Q", StringComparison.Ordinal));
        Assert.Contains(periods, p => p.StartsWith("..", StringComparison.Ordinal));
        Assert.Contains(periods, p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^\d{4}-\d{2}\.\.\d{4}-\d{2}$"));
        Assert.Contains(periods, p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^\d{4}\.\.\d{4}$"));
        Assert.Contains(periods, p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^\d{4}-\d{2}$"));
    }

    [Fact]
    public void Page_furniture_never_yields_figures()
    {
        var furniture = new[] { "Lượt xem", "truy cập", "Hôm nay", "Trong tuần", "Tháng hiện tại", ".jpg", ".JPG", ".png" };
        foreach (var path in Directory.GetFiles(Folder).Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal)))
        {
            foreach (var f in DocumentExtractor.Extract(path, File.ReadAllText(path, Encoding.UTF8)).Figures)
            {
                var line = f.Sentence.Split('\n').First(l => l.Contains(f.Text, StringComparison.Ordinal));
                Assert.DoesNotContain(furniture, line.Contains);
            }
        }
    }
}
