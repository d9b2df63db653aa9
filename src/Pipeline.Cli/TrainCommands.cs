using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Pipeline.Learning;

namespace Pipeline.Cli;

/// <summary>`pipeline train`: trains the metric classifier on the gold corpus and writes the model, its card and its rows.</summary>
public static class TrainCommands
{
    public static int Train(string corpus, string output, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(Path.Combine(corpus, "gold")))
        {
            stderr.WriteLine($"pipeline: {corpus}: no gold/ folder; give the corpus with --corpus");
            return 2;
        }

        var (rows, gold, missing) = TrainingRows.FromCorpus(corpus);
        var (train, test) = DocumentSplit.Split(rows);
        stdout.WriteLine($"{rows.Count} rows from {gold} gold figures ({missing} not found in the text); {train.Count} train, {test.Count} test");
        var ml = new MLContext(seed: MetricTrainer.Seed);
        var (model, results) = MetricTrainer.TrainBest(train, test, ml);
        foreach (var r in results)
        {
            stdout.WriteLine($"  {r.Trainer,-14} macro-F1 {r.MacroF1.ToString("0.000", CultureInfo.InvariantCulture)}  accuracy {r.Accuracy.ToString("0.000", CultureInfo.InvariantCulture)}");
        }

        Directory.CreateDirectory(output);
        var zip = Path.Combine(output, "metric-classifier.zip");
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<MetricInput>()).Schema;
        ml.Model.Save(model, schema, zip);
        var clock = Stopwatch.StartNew();
        MetricClassifier.Load(zip).Predict(new FigureContext("thu hút", "# dự án", "", "project", "none", "dự_án"));
        var load = clock.Elapsed.TotalSeconds;
        var rules = MetricTrainer.Score("rules", test.Select(r => r.Metric).ToList(), test.Select(r => r.RulesMetric).ToList());
        stdout.WriteLine($"  {"rules",-14} macro-F1 {rules.MacroF1.ToString("0.000", CultureInfo.InvariantCulture)}  accuracy {rules.Accuracy.ToString("0.000", CultureInfo.InvariantCulture)} (for comparison)");
        var run = new TrainingRun(corpus, gold, missing, train, test, results, rules, load, new FileInfo(zip).Length,
            DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(output, "metric-classifier.md"), ModelCard.Markdown(run));
        File.WriteAllText(Path.Combine(output, "metric-training.tsv"), ModelCard.Tsv(rows));
        stdout.WriteLine($"wrote {zip} ({results[0].Trainer}), metric-classifier.md, metric-training.tsv");
        return 0;
    }
}
