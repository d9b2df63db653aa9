using System.Globalization;
using System.Text;

namespace Pipeline.Learning;

/// <summary>What a training run knows about itself, for the model card.</summary>
public sealed record TrainingRun(
    Target Target,
    string Corpus,
    int GoldFigures,
    int Missing,
    IReadOnlyList<MetricRow> Train,
    IReadOnlyList<MetricRow> Test,
    IReadOnlyList<Evaluation> Results,
    Evaluation Rules,
    long ZipBytes,
    Combining.CombinedRun? Combined = null);

/// <summary>
/// Writes a model card (models/metric-classifier.md, measure-classifier.md), its figures as data (<see cref="ModelScores"/>)
/// and models/metric-training.tsv from a training run. Nothing in them depends on the day or the machine, so retraining
/// unchanged data and code rewrites them byte for byte.
/// </summary>
public static class ModelCard
{
    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string PolicyTunerText() =>
        $"the train documents were cut into {Combining.PolicyTuner.Folds} folds, a model trained on the other folds predicted each fold, and every pair on the grid " +
        $"(rules stand at {string.Join(", ", Combining.PolicyTuner.RulesStandGrid.Select(F))}; model decides at {string.Join(", ", Combining.PolicyTuner.ModelDecidesGrid.Select(F))}) was scored on those out-of-fold predictions.";

    public static string Markdown(TrainingRun run)
    {
        var best = run.Results[0];
        var s = new StringBuilder();
        var docs = (IReadOnlyList<MetricRow> rows) => rows.Select(r => r.Document).Distinct().Count();
        var t = run.Target;
        var name = t.Name();
        s.AppendLine($"# Model card: {name} classifier (`{name}-classifier.zip`)");
        s.AppendLine();
        s.AppendLine($"Trained by `pipeline train --corpus {run.Corpus}`. Given the words around a figure, it says");
        s.AppendLine(t == Target.Metric
            ? "which metric the figure measures (`investment_capital`, `projects`, `labour`, ...; FIGURES.md) and how sure it is."
            : "which measure the figure is (`level`, `change_pct`, `share_pct`, `pct_of_plan`, ...; FIGURES.md) and how sure it is.");
        s.AppendLine(t == Target.Metric
            ? "The extractor asks it about every figure the rules are unsure of (see \"Rules and model together\")."
            : "It is shipped for comparison and for tools; the extractor's measures come from the rules, which score higher (below).");
        s.AppendLine();
        s.AppendLine("## Data");
        s.AppendLine();
        s.AppendLine($"- Source: the gold corpus `{run.Corpus}` ({run.GoldFigures} gold figures). Each gold figure's `text` is looked up in");
        s.AppendLine("  the document's clean text (the next occurrence after the previous figure, since gold lists figures in reading");
        s.AppendLine($"  order, else the first); {run.Missing} figures whose text is not in the clean text are left out.");
        s.AppendLine($"- Rows: {run.Train.Count + run.Test.Count} ({run.Train.Count} train from {docs(run.Train)} documents, {run.Test.Count} test from {docs(run.Test)} documents).");
        s.AppendLine($"- Split by document, never by figure: a document is in test when FNV-1a(file name) mod 100 < {DocumentSplit.TestPercent}");
        s.AppendLine("  (`DocumentSplit`). No document is in both parts; the split does not change when documents are added.");
        s.AppendLine("- The rows are in `metric-training.tsv`: `document`, `split`, `metric`, `measure`, `unit`, `qualifier`, `before`,");
        s.AppendLine("  `figure`, `after`, `cues` (the features below), `rules_metric` and `rules_measure` (what the rules said of the same span,");
        s.AppendLine("  or none: for scoring the rules, never read by a model).");
        s.AppendLine();
        s.AppendLine($"| {name} | train | test |");
        s.AppendLine("|---|---:|---:|");
        foreach (var m in run.Train.Concat(run.Test).Select(r => r.Gold(t)).Distinct().Order(StringComparer.Ordinal))
        {
            s.AppendLine($"| {m} | {run.Train.Count(r => r.Gold(t) == m)} | {run.Test.Count(r => r.Gold(t) == m)} |");
        }

        s.AppendLine();
        s.AppendLine("## Features");
        s.AppendLine();
        s.AppendLine($"- `before`: up to {TrainingRows.WindowBefore} words of the clause before the figure (the sentence, cut at a semicolon);");
        s.AppendLine($"  `after`: up to {TrainingRows.WindowAfter} words after it; `figure`: the figure's own words (\"# dự án\"). Lower case, numbers");
        s.AppendLine("  masked as `#`, so the model learns phrasing, not values. Each is `FeaturizeText` (word uni/bigrams and character");
        s.AppendLine("  trigrams, normalised counts).");
        s.AppendLine("- `cues`: which metric cue phrases of the figures layer's table (`Pipeline.Extraction.Figures.Cues.Metrics`: vốn đầu tư,");
        s.AppendLine("  dự án, kim ngạch xuất khẩu, lao động, ...) stand in the sentence, matched as the rules match them; `FeaturizeText`.");
        s.AppendLine("- `unit` (the figure's unit, as in FIGURES.md) and `qualifier` (the word right before the number when it is one of");
        s.AppendLine("  khoảng, hơn, đạt, tăng, chiếm, ...): one-hot.");
        s.AppendLine("- Nothing else: the model never reads what the rules said of the figure (their metric, measure or tier), so a rule");
        s.AppendLine("  edit changes nothing it learnt. A phrase added to the cue table is a token it has no weight for until retraining.");
        s.AppendLine();
        s.AppendLine("## Trainer");
        s.AppendLine();
        s.AppendLine("Every trainer below was trained on the train split with `MLContext(seed: 1)` and one thread (deterministic) and");
        s.AppendLine("scored on the test split. Macro-F1 is the mean F1 over the classes present in the test split.");
        s.AppendLine();
        s.AppendLine("| trainer | macro-F1 | accuracy |");
        s.AppendLine("|---|---:|---:|");
        foreach (var r in run.Results)
        {
            s.AppendLine($"| {r.Trainer}{(r == best ? " (shipped)" : "")} | {F(r.MacroF1)} | {F(r.Accuracy)} |");
        }

        s.AppendLine();
        s.AppendLine($"Shipped: **{best.Trainer}**, the best macro-F1. With {docs(run.Train) + docs(run.Test)} documents there is no separate");
        s.AppendLine("validation split, so the choice is made on the test split itself; its score is therefore slightly optimistic.");
        s.AppendLine("The shipped model is the one trained on the train split only, so the figures below describe it exactly.");
        s.AppendLine();
        var covered = run.Test.Count(r => r.Rules(t) != "none");
        var rulesRight = run.Test.Count(r => r.Rules(t) == r.Gold(t));
        s.AppendLine("## Rules alone and model alone on the test split");
        s.AppendLine();
        s.AppendLine("The rule-based extractor (`DocumentExtractor.Extract`) was run on each test document; its figure overlapping the");
        s.AppendLine($"gold figure's span gives the rules' {name} (none when it found no figure there). The model is given the gold span");
        s.AppendLine($"and unit, so this compares {name} decisions, not figure finding.");
        s.AppendLine();
        s.AppendLine("| | macro-F1 | accuracy | rows decided |");
        s.AppendLine("|---|---:|---:|---:|");
        s.AppendLine($"| rules | {F(run.Rules.MacroF1)} | {F(run.Rules.Accuracy)} | {covered} of {run.Test.Count} (right on {F(covered == 0 ? 0 : (double)rulesRight / covered)} of those) |");
        s.AppendLine($"| model ({best.Trainer}) | {F(best.MacroF1)} | {F(best.Accuracy)} | {run.Test.Count} of {run.Test.Count} |");
        s.AppendLine();
        s.AppendLine("The rules were written while reading this same corpus, test documents included, so their score here is in-sample");
        s.AppendLine("and flatters them: every rules' miss on the corpus, the 24 `d` bulletins' too, was read and most were fixed.");
        s.AppendLine("The model has never seen the test documents, but its `cues` feature is the rules' cue table, written while reading");
        s.AppendLine("them too, so its score here is somewhat flattered as well. The shared seeds, unseen bulletins and the unseen phrasings");
        s.AppendLine("in `tests/Pipeline.Learning.Tests` are the fair tests.");
        s.AppendLine();
        if (run.Combined is { } both)
        {
            var p = both.Policy;
            s.AppendLine("## Rules and model together");
            s.AppendLine();
            s.AppendLine($"`pipeline extract`, `run` and `reprocess` show the model every figure whose rule's tier (`MetricTiers`, read from the rules'");
            s.AppendLine($"figure at prediction time) is below {F(p.RulesStand)}. The model's metric replaces the rules' when it differs, suits the figure's unit (money metrics for money, projects for projects, ...)");
            s.AppendLine($"and the model gives it a probability of at least {F(p.ModelDecides)}; the figure's `rule` is then `model` and its `confidence` the");
            s.AppendLine("model's probability. Figures the rules are sure of never change.");
            s.AppendLine();
            s.AppendLine($"The two thresholds (`combine-policy.json`) were chosen on the train split alone: {PolicyTunerText()}");
            s.AppendLine($"The best pair scored macro-F1 {F(both.TrainMacroF1)} there; ties go to the pair that lets the model decide least.");
            s.AppendLine();
            s.AppendLine("| test split | macro-F1 | accuracy |");
            s.AppendLine("|---|---:|---:|");
            s.AppendLine($"| rules alone | {F(run.Rules.MacroF1)} | {F(run.Rules.Accuracy)} |");
            s.AppendLine($"| model alone ({best.Trainer}) | {F(best.MacroF1)} | {F(best.Accuracy)} |");
            s.AppendLine($"| rules + model | {F(both.Test.MacroF1)} | {F(both.Test.Accuracy)} |");
            s.AppendLine();
            s.AppendLine($"The model decided {both.ByModel} of the {run.Test.Count} test figures. The rows `rules alone` and `rules + model` are the");
            s.AppendLine("rules as they stood at training; the tests measure both again with the current rules and require rules + model to stay");
            s.AppendLine("at least as good as rules alone.");
            s.AppendLine();
        }

        s.AppendLine($"## Per-class results on the test split ({best.Trainer})");
        s.AppendLine();
        s.AppendLine($"| {name} | support | precision | recall | F1 |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var c in best.Classes)
        {
            s.AppendLine($"| {c.Metric} | {c.Support} | {F(c.Precision)} | {F(c.Recall)} | {F(c.F1)} |");
        }

        s.AppendLine($"| **macro** | {run.Test.Count} | | | **{F(best.MacroF1)}** |");
        s.AppendLine();
        s.AppendLine("## Confusion matrix (test split; rows gold, columns predicted)");
        s.AppendLine();
        var abbrev = best.Labels.Select((l, i) => $"c{i}").ToList();
        s.AppendLine("| gold \\ predicted | " + string.Join(" | ", abbrev) + " |");
        s.AppendLine("|---|" + string.Concat(abbrev.Select(_ => "---:|")));
        for (var i = 0; i < best.Labels.Count; i++)
        {
            s.AppendLine($"| {abbrev[i]} {best.Labels[i]} | " + string.Join(" | ", best.Confusion[i].Select(n => n == 0 ? "." : n.ToString(CultureInfo.InvariantCulture))) + " |");
        }

        s.AppendLine();
        s.AppendLine("## Size");
        s.AppendLine();
        s.AppendLine($"- `{name}-classifier.zip`: {run.ZipBytes / 1024.0:0} KB. Its figures as data, with the zip's SHA-256, are in `{name}-classifier.json`.");
        s.AppendLine();
        s.AppendLine("## How to retrain");
        s.AppendLine();
        s.AppendLine("```");
        s.AppendLine("dotnet run --project src/Pipeline.Cli -c Release -- train --out models");
        s.AppendLine("```");
        s.AppendLine();
        s.AppendLine("It rewrites every model in `models/`, its card, its `.json` figures, `combine-policy.json` and the training rows; the same");
        s.AppendLine("corpus and code give the same bytes. `models/README.md` lists when to run it and what to check afterwards.");
        s.AppendLine("Add gold files to the corpus and retrain to teach it new phrasings.");
        return s.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The card's figures as data, for the zip whose SHA-256 is <paramref name="sha256"/>.</summary>
    public static ModelScores Scores(TrainingRun run, string sha256)
    {
        var scores = new Dictionary<string, Score> { [ModelScores.Alone] = Score.Of(run.Results[0]), [ModelScores.Rules] = Score.Of(run.Rules) };
        if (run.Combined is { } both)
        {
            scores[ModelScores.Combined] = Score.Of(both.Test);
        }

        return new ModelScores($"{run.Target.Name()}-classifier.zip", sha256, run.Results[0].Trainer, run.Test.Count, scores);
    }

    public static string Tsv(IReadOnlyList<MetricRow> rows)
    {
        static string Cell(string x) => x.Replace('\t', ' ').Replace('\n', ' ');
        var s = new StringBuilder("document\tsplit\tmetric\tmeasure\tunit\tqualifier\tbefore\tfigure\tafter\tcues\trules_metric\trules_measure\n");
        foreach (var r in rows)
        {
            var c = r.Context;
            s.Append(string.Join('\t', new[] { r.Document, DocumentSplit.IsTest(r.Document) ? "test" : "train", r.Metric, r.Measure, c.Unit, c.Qualifier, c.Before, c.Figure, c.After, c.Cues, r.RulesMetric, r.RulesMeasure }.Select(Cell))).Append('\n');
        }

        return s.ToString();
    }
}
