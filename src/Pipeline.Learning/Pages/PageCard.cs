using System.Globalization;
using System.Text;

namespace Pipeline.Learning.Pages;

/// <summary>What a page training run knows about itself, for the model card.</summary>
public sealed record PageTrainingRun(
    string Folder,
    IReadOnlyList<PageRow> Train,
    IReadOnlyList<PageRow> Test,
    IReadOnlyList<PageResult> Trainers,
    IReadOnlyList<PageResult> Ablation,
    long ZipBytes);

/// <summary>Writes models/page-classifier.md, its figures as data (<see cref="ModelScores"/>) and models/page-training.tsv from a training run; nothing in them depends on the day or the machine.</summary>
public static class PageCard
{
    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Markdown(PageTrainingRun run)
    {
        var shipped = run.Trainers[0];
        var test = shipped.Test;
        var binary = PageTrainer.Binary(test);
        var s = new StringBuilder();
        s.AppendLine("# Model card: page classifier (`page-classifier.zip`)");
        s.AppendLine();
        s.AppendLine($"Trained by `pipeline train --pages {run.Folder}`. Given a page's title and clean text, it says what");
        s.AppendLine("kind of page it is: a `report` (a board's results for a period, the figures-bearing page the pipeline is for), a");
        s.AppendLine("`project` (one project's licence, capital, groundbreaking), an `event`, a `notice`, an administrative `procedure`,");
        s.AppendLine("a `job` post or a `photo` story; and how sure it is. `pipeline run` stores the verdict with each document");
        s.AppendLine("(`page_type`, `page_type_score`), and `pipeline search --type report` filters on it.");
        s.AppendLine();
        s.AppendLine("## Data");
        s.AppendLine();
        s.AppendLine($"- Source: the labelled articles of the bundled portal sites, `{run.Folder}/BOARD/*.txt` (the `type:` line of each");
        s.AppendLine($"  file's header), {N(run.Train.Count + run.Test.Count)} pages from {N(run.Train.Concat(run.Test).Select(r => r.Document.Split('/')[0]).Distinct().Count())} sites. They were written by this project in the style of");
        s.AppendLine("  the boards' portals (see that folder's README); no real page is among them.");
        s.AppendLine("- Each page is read as the pipeline reads it from its served page: title, date line and body through");
        s.AppendLine("  `DocumentExtractor.FromArticle`, so the model is trained on the clean text it is later given.");
        s.AppendLine($"- Split by page: a page is in test when FNV-1a(\"BOARD/FILE\") mod 100 < {DocumentSplit.TestPercent} (`DocumentSplit`, as for the");
        s.AppendLine($"  metric classifier): {N(run.Train.Count)} train, {N(run.Test.Count)} test. Adding pages never moves another page.");
        s.AppendLine("- The rows (file, split, type, title and the numeric signals) are in `page-training.tsv`.");
        s.AppendLine();
        s.AppendLine("| type | train | test |");
        s.AppendLine("|---|---:|---:|");
        foreach (var type in PageTypes.All)
        {
            s.AppendLine($"| {type} | {N(run.Train.Count(r => r.Type == type))} | {N(run.Test.Count(r => r.Type == type))} |");
        }

        s.AppendLine();
        s.AppendLine("## Features");
        s.AppendLine();
        s.AppendLine("- `title`: `FeaturizeText` with word unigrams and character trigrams; `body` (the clean text): word unigrams.");
        s.AppendLine("  Lower case, diacritics folded, L2-normalised counts. Every number is masked as `#` first (`4.100.000 đồng/tháng`");
        s.AppendLine("  reads `# đồng/tháng`, `86/QĐ-BQL` reads `#/QĐ-BQL`), so the model learns how pages are written, not their values.");
        s.AppendLine("  Word bigrams and the body's character trigrams were tried and scored lower in cross-validation, at several times");
        s.AppendLine("  the training time: with a few hundred pages, fewer features generalise better.");
        s.AppendLine("- Numeric signals (`PageSignals`), from the rule-based extractor's figures in the text and two patterns, scaled");
        s.AppendLine("  to [0, 1] (min-max over the train split). They name no words, so they carry over to portals worded otherwise:");
        s.AppendLine();
        foreach (var name in PageSignals.Names)
        {
            s.AppendLine($"  - {name}");
        }

        s.AppendLine();
        s.AppendLine("## Trainer");
        s.AppendLine();
        s.AppendLine($"Each trainer was cross-validated on the train split ({PageTrainer.Folds} folds by the same hash: buckets 25-49, 50-74, 75-99;");
        s.AppendLine("each page predicted by a model trained on the other folds, the pooled predictions scored once), then trained on the");
        s.AppendLine("whole train split and scored on the test split. `MLContext(seed: 1)`, one thread, a fresh context per model:");
        s.AppendLine("deterministic. Macro-F1 is the mean F1 over the types present; `report F1` is the binary view (report or not).");
        s.AppendLine("Settings: SDCA maximum entropy with ML.NET's defaults; L-BFGS maximum entropy with L1 0 and L2 0.001 (its defaults,");
        s.AppendLine("L1 = L2 = 1, drown features of unit length: cross-validated macro-F1 0.32; of L2 0.01, 0.001 and 0.0001, which");
        s.AppendLine("scored 0.897, 0.919 and 0.931, the middle one: the last two differ by one page (149 and 150 of 157 right), and the stronger");
        s.AppendLine("regularisation should carry better to other portals); LightGBM with 100 iterations and leaves of at least 2 pages.");
        s.AppendLine();
        s.AppendLine("| trainer | features | CV macro-F1 | CV report F1 | test macro-F1 | test accuracy | test report F1 |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in run.Trainers.Concat(run.Ablation))
        {
            var name = r == shipped ? $"{r.Trainer} (shipped)" : r.Trainer;
            s.AppendLine($"| {name} | {Features(r.Features)} | {F(r.CrossValidation.MacroF1)} | {F(PageTrainer.Report(r.CrossValidation).F1)} | {F(r.Test.MacroF1)} | {F(r.Test.Accuracy)} | {F(PageTrainer.Report(r.Test).F1)} |");
        }

        s.AppendLine();
        s.AppendLine($"Shipped: **{shipped.Trainer}**, the best cross-validated macro-F1 on all features (ties go to the trainer listed");
        s.AppendLine("first in `MetricTrainer.Trainers`). The choice never looks at the test split, so the test figures below are an");
        s.AppendLine("unbiased estimate for pages like these. The last rows train the shipped trainer on the words alone and on the");
        s.AppendLine("signals alone: what each part of the features gives.");
        s.AppendLine();
        var cv = shipped.CrossValidation;
        s.AppendLine($"## Per-type results ({shipped.Trainer})");
        s.AppendLine();
        s.AppendLine($"On the test split ({N(run.Test.Count)} pages), and cross-validated on the train split ({N(run.Train.Count)} pages, each predicted by a");
        s.AppendLine("model that did not see it): the thin types have two to eight test pages, so one page moves their test F1 by");
        s.AppendLine("0.1 or more; the cross-validated columns rest on more pages.");
        s.AppendLine();
        s.AppendLine("| type | test support | precision | recall | F1 | CV support | precision | recall | F1 |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var type in PageTypes.All)
        {
            var t = test.Classes.FirstOrDefault(c => c.Metric == type) ?? new ClassScore(type, 0, 0, 0, 0);
            var c = cv.Classes.FirstOrDefault(c => c.Metric == type) ?? new ClassScore(type, 0, 0, 0, 0);
            s.AppendLine($"| {type} | {N(t.Support)} | {F(t.Precision)} | {F(t.Recall)} | {F(t.F1)} | {N(c.Support)} | {F(c.Precision)} | {F(c.Recall)} | {F(c.F1)} |");
        }

        s.AppendLine($"| **macro** | {N(run.Test.Count)} | | | **{F(test.MacroF1)}** | {N(run.Train.Count)} | | | **{F(cv.MacroF1)}** |");
        s.AppendLine();
        s.AppendLine($"Accuracy {F(test.Accuracy)} on test, {F(cv.Accuracy)} cross-validated.");
        s.AppendLine();
        var cvBinary = PageTrainer.Binary(cv);
        s.AppendLine("## Binary view: report or not");
        s.AppendLine();
        s.AppendLine("The same predictions, every type but `report` counted as `other`: what `pipeline search --type report` relies on.");
        s.AppendLine();
        s.AppendLine("| | test support | precision | recall | F1 | CV support | precision | recall | F1 |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var name in new[] { PageTypes.Report, "other" })
        {
            var t = binary.Classes.FirstOrDefault(c => c.Metric == name) ?? new ClassScore(name, 0, 0, 0, 0);
            var c = cvBinary.Classes.FirstOrDefault(c => c.Metric == name) ?? new ClassScore(name, 0, 0, 0, 0);
            s.AppendLine($"| {name} | {N(t.Support)} | {F(t.Precision)} | {F(t.Recall)} | {F(t.F1)} | {N(c.Support)} | {F(c.Precision)} | {F(c.Recall)} | {F(c.F1)} |");
        }

        s.AppendLine();
        s.AppendLine($"Accuracy {F(binary.Accuracy)} on test, {F(cvBinary.Accuracy)} cross-validated.");
        s.AppendLine();
        s.AppendLine("## Confusion matrix (test split; rows gold, columns predicted)");
        s.AppendLine();
        s.AppendLine("| gold \\ predicted | " + string.Join(" | ", test.Labels) + " |");
        s.AppendLine("|---|" + string.Concat(test.Labels.Select(_ => "---:|")));
        for (var i = 0; i < test.Labels.Count; i++)
        {
            s.AppendLine($"| {test.Labels[i]} | " + string.Join(" | ", test.Confusion[i].Select(n => n == 0 ? "." : N(n))) + " |");
        }

        s.AppendLine();
        s.AppendLine("## Size");
        s.AppendLine();
        s.AppendLine($"- `page-classifier.zip`: {run.ZipBytes / 1024.0:0} KB. Its figures as data, with the zip's SHA-256, are in `page-classifier.json`.");
        s.AppendLine("- In `pipeline run` a page costs one prediction: the figures the signals need are the ones the pipeline already found.");
        s.AppendLine();
        s.AppendLine("## Limits");
        s.AppendLine();
        s.AppendLine("- Every page it learnt from was written for this project; real portals mix in pages of kinds not listed here");
        s.AppendLine("  (speeches, legal texts, Party news). Such a page still gets one of these seven types. The score is the model's");
        s.AppendLine("  probability, not a guarantee: some wrong verdicts on the test and unseen pages scored above 0.7.");
        s.AppendLine("- `project` pages carry figures too (one project's capital, area, jobs); the binary view counts them as not reports.");
        s.AppendLine("- Seven of the ten signals come from the rules' figures, so a rule edit shifts them a little. Measured on the shipped");
        s.AppendLine("  model: dropping 30% of every page's figures, or calling 10% of their metrics `other`, changed no verdict on the 217");
        s.AppendLine("  pages (mean change of the score under 0.01); only taking every figure away moves many. The tests perturb the");
        s.AppendLine("  figures so on every build (`PageModelTests`), which is why they compare this card with a tolerance of 0.02.");
        s.AppendLine("- The unseen pages in `tests/Pipeline.Learning.Tests` (written apart from the corpus, in other wordings) check");
        s.AppendLine("  that the verdict carries over; the tests also retrain from scratch and compare with this card's macro-F1.");
        s.AppendLine();
        s.AppendLine("## How to retrain");
        s.AppendLine();
        s.AppendLine("```");
        s.AppendLine("dotnet run --project src/Pipeline.Cli -c Release -- train --out models");
        s.AppendLine("```");
        s.AppendLine();
        s.AppendLine("It rewrites every model in `models/`, its card, its `.json` figures and its rows (`--pages-only` retrains this one alone);");
        s.AppendLine("the same pages and code give the same bytes. Add labelled pages to the folder (any `type:` above) and retrain to teach");
        s.AppendLine("it new layouts; rebuild to ship the new zip. `models/README.md` lists when to run it and what to check afterwards.");
        return s.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The card's figures as data, for the zip whose SHA-256 is <paramref name="sha256"/>.</summary>
    public static ModelScores Scores(PageTrainingRun run, string sha256)
    {
        var shipped = run.Trainers[0];
        var scores = new Dictionary<string, Score> { [ModelScores.Alone] = Score.Of(shipped.Test), [ModelScores.CrossValidated] = Score.Of(shipped.CrossValidation) };
        return new ModelScores("page-classifier.zip", sha256, shipped.Trainer, run.Test.Count, scores);
    }

    private static string Features(PageFeatures features) => features switch
    {
        PageFeatures.Text => "words only",
        PageFeatures.Signals => "signals only",
        _ => "all",
    };

    public static string Tsv(IEnumerable<PageRow> rows)
    {
        static string Cell(string x) => x.Replace('\t', ' ').Replace('\n', ' ');
        var s = new StringBuilder("document\tsplit\ttype\ttitle\t" + string.Join('\t', PageSignals.Names.Select(Cell)) + "\n");
        foreach (var r in rows)
        {
            var signals = PageSignals.Of(r.Text, r.Figures).Vector().Select(v => v.ToString("0.###", CultureInfo.InvariantCulture));
            s.Append(string.Join('\t', new[] { r.Document, DocumentSplit.IsTest(r.Document) ? "test" : "train", r.Type, Cell(r.Title) }.Concat(signals))).Append('\n');
        }

        return s.ToString();
    }
}
