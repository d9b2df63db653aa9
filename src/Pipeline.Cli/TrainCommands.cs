using System.Globalization;
using Microsoft.ML;
using Pipeline.Learning;
using Pipeline.Learning.Combining;
using Pipeline.Learning.Pages;

namespace Pipeline.Cli;

/// <summary>`pipeline train`: trains the metric and measure classifiers on the gold corpus, and the page classifier on the labelled articles; writes the models, their cards and their rows.</summary>
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
            ModelFiles.Save(ml, model, ml.Data.LoadFromEnumerable(Array.Empty<FigureInput>()).Schema, zip);
            var run = new TrainingRun(target, corpus, gold, missing, train, test, results, rules, new FileInfo(zip).Length, combined);
            File.WriteAllText(Path.Combine(output, $"{target.Name()}-classifier.md"), ModelCard.Markdown(run));
            File.WriteAllText(ModelScores.FileFor(zip), ModelCard.Scores(run, ModelScores.HashOf(zip)).ToJson());
            stdout.WriteLine($"wrote {zip} ({results[0].Trainer}), {target.Name()}-classifier.md and .json");
        }

        File.WriteAllText(Path.Combine(output, "metric-training.tsv"), ModelCard.Tsv(rows));
        return 0;
    }

    /// <summary>Trains the page classifier on the labelled articles (BOARD/*.txt with a type: line) and writes page-classifier.zip, its card and its rows.</summary>
    /// <param name="articles">The folder of board folders.</param>
    /// <param name="output">Where the model, card and rows go.</param>
    /// <param name="stdout">Progress and results.</param>
    /// <param name="stderr">Problems.</param>
    public static int TrainPages(string articles, string output, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(articles))
        {
            stderr.WriteLine($"pipeline: {articles}: no such folder; give the labelled articles with --pages");
            return 2;
        }

        IReadOnlyList<PageRow> rows;
        try
        {
            rows = PageRows.FromFolder(articles);
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"pipeline: {e.Message}");
            return 2;
        }

        var train = rows.Where(r => !DocumentSplit.IsTest(r.Document)).ToList();
        var test = rows.Where(r => DocumentSplit.IsTest(r.Document)).ToList();
        stdout.WriteLine($"{rows.Count} pages from {articles}; {train.Count} train, {test.Count} test");
        var (model, trainers, ablation) = PageTrainer.TrainBest(train, test);
        stdout.WriteLine("page");
        foreach (var r in trainers.Concat(ablation))
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {r.Trainer,-14} {r.Features,-8} CV macro-F1 {r.CrossValidation.MacroF1:0.000}  test macro-F1 {r.Test.MacroF1:0.000}  report F1 {PageTrainer.Report(r.Test).F1:0.000}"));
        }

        Directory.CreateDirectory(output);
        var zip = Path.Combine(output, "page-classifier.zip");
        var ml = PageTrainer.Context();
        ModelFiles.Save(ml, model, ml.Data.LoadFromEnumerable(Array.Empty<PageInput>()).Schema, zip);
        var run = new PageTrainingRun(articles, train, test, trainers, ablation, new FileInfo(zip).Length);
        File.WriteAllText(Path.Combine(output, "page-classifier.md"), PageCard.Markdown(run));
        File.WriteAllText(ModelScores.FileFor(zip), PageCard.Scores(run, ModelScores.HashOf(zip)).ToJson());
        File.WriteAllText(Path.Combine(output, "page-training.tsv"), PageCard.Tsv(rows));
        stdout.WriteLine($"wrote {zip} ({trainers[0].Trainer}), page-classifier.md and .json, page-training.tsv");
        return 0;
    }
}
