using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Pipeline.Learning;
using Pipeline.Learning.Combining;

namespace Pipeline.Cli;

/// <summary>`pipeline train`: trains the metric and measure classifiers on the gold corpus and writes the models, their cards and their rows.</summary>
public static class TrainCommands
{
    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

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
        Directory.CreateDirectory(output);
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var target in Enum.GetValues<Target>())
        {
            // A fresh context per model, so each model's training is the same whether or not the other was trained first.
            var ml = new MLContext(seed: MetricTrainer.Seed);
            var (model, results) = MetricTrainer.TrainBest(train, test, ml, target: target);
            var rules = MetricTrainer.Score("rules", test.Select(r => r.Gold(target)).ToList(), test.Select(r => r.Rules(target)).ToList());
            stdout.WriteLine(target.Name());
            CombinedRun? combined = null;
            if (target == Target.Metric)
            {
                combined = CombinedRun.Measure(train, test, model, results[0].Trainer, ml);
                File.WriteAllText(Path.Combine(output, "combine-policy.json"), combined.Policy.ToJson());
                stdout.WriteLine($"  rules+model    macro-F1 {F(combined.Test.MacroF1)}  accuracy {F(combined.Test.Accuracy)}  (model decided {combined.ByModel} of {test.Count}; policy: rules stand at {F(combined.Policy.RulesStand)}, model decides at {F(combined.Policy.ModelDecides)})");
            }

            foreach (var r in results.Append(rules))
            {
                stdout.WriteLine($"  {r.Trainer,-14} macro-F1 {F(r.MacroF1)}  accuracy {F(r.Accuracy)}");
            }

            var zip = Path.Combine(output, $"{target.Name()}-classifier.zip");
            ml.Model.Save(model, ml.Data.LoadFromEnumerable(Array.Empty<FigureInput>()).Schema, zip);
            var clock = Stopwatch.StartNew();
            FigureClassifier.Load(zip).Predict(new FigureContext("thu hút", "# dự án", "", "project", "none", "dự_án"));
            var load = clock.Elapsed.TotalSeconds;
            var run = new TrainingRun(target, corpus, gold, missing, train, test, results, rules, load, new FileInfo(zip).Length, date, combined);
            File.WriteAllText(Path.Combine(output, $"{target.Name()}-classifier.md"), ModelCard.Markdown(run));
            stdout.WriteLine($"wrote {zip} ({results[0].Trainer}) and {target.Name()}-classifier.md");
        }

        File.WriteAllText(Path.Combine(output, "metric-training.tsv"), ModelCard.Tsv(rows));
        return 0;
    }
}
