using System.Text;
using System.Text.Json;
using Pipeline.Core;
using Xunit.Abstractions;

namespace Pipeline.Extraction.Tests;

/// <summary>
/// Scores the figures read from tables on corpus/tables with the matching rules of <see cref="CorpusTests"/>
/// (metric, measure and unit equal, values within 0.1%, the same figure twice counts once, "ignore" values
/// neither right nor wrong), against the gold figures whose "table" is set; reports subject accuracy on matches.
/// Pages whose gold says "blind" were written before their shapes were read by the code; their score is
/// also reported alone, as the fairer measure of how the reader does on tables it was not fitted to.
/// </summary>
public class TableCorpusTests(ITestOutputHelper output)
{
    private static readonly string Folder = Repo.Path("corpus", "tables");

    private static bool Close(decimal a, decimal b) => a == b || Math.Abs(a - b) <= 0.001m * Math.Max(Math.Abs(a), Math.Abs(b));

    private static string? Text(JsonElement g, string name) =>
        g.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Counts of one page or of a set of pages.</summary>
    private sealed record Tally(int Tp, int Fp, int Fn, int Subject, int Scope, int Period)
    {
        public static readonly Tally Zero = new(0, 0, 0, 0, 0, 0);

        public double Precision => Tp / (double)Math.Max(1, Tp + Fp);

        public double Recall => Tp / (double)Math.Max(1, Tp + Fn);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public static Tally operator +(Tally a, Tally b) =>
            new(a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn, a.Subject + b.Subject, a.Scope + b.Scope, a.Period + b.Period);

        public override string ToString() =>
            $"P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000} (tp {Tp}, fp {Fp}, fn {Fn}); subject {Subject}/{Tp}, scope {Scope}/{Tp}, period {Period}/{Tp}";
    }

    [Fact]
    public void Table_figures_score_at_least_095_F1_with_their_subjects()
    {
        var all = Tally.Zero;
        var blind = Tally.Zero;
        var blindPages = 0;
        var errors = new List<string>();
        var pages = Directory.GetFiles(Path.Combine(Folder, "gold"), "*.json").Order().ToList();
        Assert.True(pages.Count >= 15, $"{pages.Count} table pages; at least 15 are needed");
        foreach (var path in pages)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
            var root = json.RootElement;
            var page = Score(root, errors);
            all += page;
            if (root.TryGetProperty("blind", out var b) && b.ValueKind == JsonValueKind.True)
            {
                blind += page;
                blindPages++;
            }
        }

        output.WriteLine($"table figures: {all}");
        output.WriteLine($"blind pages ({blindPages}): {blind}");
        errors.ForEach(output.WriteLine);
        Assert.True(all.F1 >= 0.95, $"F1 {all.F1:0.000} is below 0.95:\n{string.Join('\n', errors.Take(40))}");
        Assert.True(all.Subject >= 0.95 * all.Tp, $"subject right on {all.Subject}/{all.Tp} matched figures:\n{string.Join('\n', errors.Take(40))}");
    }

    private static Tally Score(JsonElement root, List<string> errors)
    {
        int tp = 0, fp = 0, fn = 0, subjectOk = 0, scopeOk = 0, periodOk = 0;
        var document = root.GetProperty("document").GetString()!;
        var gold = root.GetProperty("figures").EnumerateArray().Where(f => f.GetProperty("table").ValueKind == JsonValueKind.Number).ToList();
        var ignore = root.GetProperty("ignore").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        var predicted = new List<Figure>();
        foreach (var f in DocumentExtractor.Extract(document, File.ReadAllText(Path.Combine(Folder, document), Encoding.UTF8)).Figures
                     .Where(f => f.Rule.StartsWith("table:", StringComparison.Ordinal)))
        {
            if (!predicted.Any(o => o.Metric == f.Metric && o.Measure == f.Measure && o.Unit == f.Unit && Close(o.Value, f.Value)))
            {
                predicted.Add(f);
            }
        }

        var used = new HashSet<int>();
        foreach (var g in gold)
        {
            var i = Enumerable.Range(0, predicted.Count).FirstOrDefault(k => !used.Contains(k)
                && FigureJson.Name(predicted[k].Metric) == Text(g, "metric") && FigureJson.Name(predicted[k].Measure) == Text(g, "measure")
                && predicted[k].Unit == Text(g, "unit") && Close(predicted[k].Value, g.GetProperty("value").GetDecimal()), -1);
            if (i < 0)
            {
                fn++;
                errors.Add($"missed   {document}: {Text(g, "metric")}/{Text(g, "measure")} {g.GetProperty("value")} {Text(g, "unit")} «{Text(g, "text")}»");
                continue;
            }

            used.Add(i);
            tp++;
            var p = predicted[i];
            subjectOk += Check("subject", p.Subject, Text(g, "subject"));
            scopeOk += Check("scope", p.Scope is { } s ? FigureJson.Name(s) : null, Text(g, "scope"));
            periodOk += Check("period", p.Period?.TrimStart('.'), Text(g, "period")?.TrimStart('.'));

            int Check(string name, string? got, string? want)
            {
                if (got == want)
                {
                    return 1;
                }

                errors.Add($"{name,-8} {document}: «{p.Text}» {got ?? "null"}, gold {want ?? "null"}");
                return 0;
            }
        }

        for (var i = 0; i < predicted.Count; i++)
        {
            if (!used.Contains(i) && !ignore.Any(v => Close(v, predicted[i].Value)))
            {
                fp++;
                errors.Add($"spurious {document}: {FigureJson.Name(predicted[i].Metric)}/{FigureJson.Name(predicted[i].Measure)} {predicted[i].Value} {predicted[i].Unit} «{predicted[i].Text}»");
            }
        }

        return new Tally(tp, fp, fn, subjectOk, scopeOk, periodOk);
    }
}
