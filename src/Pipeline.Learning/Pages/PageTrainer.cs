using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;

namespace Pipeline.Learning.Pages;

/// <summary>One configuration's result: pooled cross-validation on the train split, then the test split.</summary>
public sealed record PageResult(string Trainer, PageFeatures Features, Evaluation CrossValidation, Evaluation Test);

/// <summary>
/// Trains the page classifier: title and body as text features (word unigrams, and the title's character trigrams),
/// the numeric <see cref="PageSignals"/> scaled to [0, 1], then a multiclass trainer. Seed 1 and one thread,
/// so the same rows give the same model. The trainer is chosen by cross-validation on the train split,
/// never by the test split, which only reports.
/// </summary>
public static class PageTrainer
{
    /// <summary>Folds of the train split for choosing the trainer: DocumentSplit buckets 25-49, 50-74, 75-99.</summary>
    public const int Folds = 3;

    public static int Fold(string document) => (DocumentSplit.Bucket(document) - DocumentSplit.TestPercent) * Folds / (100 - DocumentSplit.TestPercent);

    public static MLContext Context() => new(seed: MetricTrainer.Seed);

    public static ITransformer Train(IReadOnlyList<PageRow> rows, string trainer, PageFeatures features = PageFeatures.All)
    {
        // A fresh context per model: its seeded random stream then does not depend on what was trained before.
        var ml = Context();
        var data = ml.Data.LoadFromEnumerable(rows.Select(PageInput.From));
        var columns = features switch
        {
            PageFeatures.Text => new[] { "TitleF", "BodyF" },
            PageFeatures.Signals => ["SignalsF"],
            _ => ["TitleF", "BodyF", "SignalsF"],
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(PageInput.Label))
            .Append(ml.Transforms.Text.FeaturizeText("TitleF", Words(characters: true), nameof(PageInput.Title)))
            .Append(ml.Transforms.Text.FeaturizeText("BodyF", Words(characters: false), nameof(PageInput.Body)))
            .Append(ml.Transforms.NormalizeMinMax("SignalsF", nameof(PageInput.Signals)))
            .Append(ml.Transforms.Concatenate("Features", columns));
        IEstimator<ITransformer> learner = trainer switch
        {
            "sdca-maxent" => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }),
            // Each text's features have unit length, so the default L1 = L2 = 1 drowns them (cross-validated macro-F1 0.32); L2 1e-3 by cross-validation.
            "lbfgs-maxent" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, L1Regularization = 0, L2Regularization = 1e-3f }),
            // A few dozen pages per class at most: small leaves, or the thin classes never get one.
            "lightgbm" => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options { NumberOfThreads = 1, Seed = MetricTrainer.Seed, MinimumExampleCountPerLeaf = 2, NumberOfIterations = 100 }),
            _ => throw new ArgumentException($"unknown trainer '{trainer}'", nameof(trainer)),
        };
        return pipeline.Append(learner)
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(PageOutput.Predicted), "PredictedLabel"))
            .Fit(data);
    }

    /// <summary>
    /// Word unigrams (bigrams and the body's character trigrams scored lower in cross-validation and made training several
    /// times slower); the title's character trigrams catch its short, varied wording.
    /// </summary>
    private static TextFeaturizingEstimator.Options Words(bool characters) => new()
    {
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
        CharFeatureExtractor = characters ? new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false } : null,
    };

    /// <summary>The model's type for each row, in row order.</summary>
    public static IReadOnlyList<string> Predict(ITransformer model, IReadOnlyList<PageRow> rows)
    {
        var ml = Context();
        return ml.Data.CreateEnumerable<PageOutput>(model.Transform(ml.Data.LoadFromEnumerable(rows.Select(PageInput.From))), reuseRowObject: false)
            .Select(o => o.Predicted).ToList();
    }

    /// <summary>Per-type scores of a model on rows.</summary>
    public static Evaluation Evaluate(ITransformer model, IReadOnlyList<PageRow> rows, string trainer) =>
        MetricTrainer.Score(trainer, rows.Select(r => r.Type).ToList(), Predict(model, rows));

    /// <summary>An evaluation seen as report or not (<see cref="PageTypes.Binary"/>), from its confusion matrix.</summary>
    public static Evaluation Binary(Evaluation e)
    {
        var gold = new List<string>();
        var predicted = new List<string>();
        for (var i = 0; i < e.Labels.Count; i++)
        {
            for (var j = 0; j < e.Labels.Count; j++)
            {
                gold.AddRange(Enumerable.Repeat(PageTypes.Binary(e.Labels[i]), e.Confusion[i][j]));
                predicted.AddRange(Enumerable.Repeat(PageTypes.Binary(e.Labels[j]), e.Confusion[i][j]));
            }
        }

        return MetricTrainer.Score(e.Trainer, gold, predicted);
    }

    /// <summary>Precision, recall and F1 of "report" in the binary view of an evaluation.</summary>
    public static ClassScore Report(Evaluation e) =>
        Binary(e).Classes.FirstOrDefault(c => c.Metric == PageTypes.Report) ?? new ClassScore(PageTypes.Report, 0, 0, 0, 0);

    /// <summary>Each train row predicted by a model trained on the other folds; the pooled predictions scored once (thin classes make per-fold scores noisy).</summary>
    public static Evaluation CrossValidate(IReadOnlyList<PageRow> train, string trainer, PageFeatures features = PageFeatures.All)
    {
        var gold = new List<string>();
        var predicted = new List<string>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var held = train.Where(r => Fold(r.Document) == fold).ToList();
            var model = Train(train.Where(r => Fold(r.Document) != fold).ToList(), trainer, features);
            gold.AddRange(held.Select(r => r.Type));
            predicted.AddRange(Predict(model, held));
        }

        return MetricTrainer.Score(trainer, gold, predicted);
    }

    /// <summary>Cross-validates and tests one configuration; returns its model (trained on the whole train split) and result.</summary>
    public static (ITransformer Model, PageResult Result) Run(IReadOnlyList<PageRow> train, IReadOnlyList<PageRow> test, string trainer, PageFeatures features = PageFeatures.All)
    {
        var cv = CrossValidate(train, trainer, features);
        var model = Train(train, trainer, features);
        return (model, new PageResult(trainer, features, cv, Evaluate(model, test, trainer)));
    }

    /// <summary>
    /// Every trainer on all features; the best by cross-validated macro-F1 is shipped (ties to the earlier trainer).
    /// Then the shipped trainer on text alone and on signals alone, to show what each part gives.
    /// </summary>
    public static (ITransformer Model, IReadOnlyList<PageResult> Trainers, IReadOnlyList<PageResult> Ablation) TrainBest(IReadOnlyList<PageRow> train, IReadOnlyList<PageRow> test, IReadOnlyList<string>? trainers = null)
    {
        var runs = (trainers ?? MetricTrainer.Trainers).Select(t => Run(train, test, t)).ToList();
        var best = runs.OrderByDescending(r => Math.Round(r.Result.CrossValidation.MacroF1, 6)).First();
        var ablation = new[] { PageFeatures.Text, PageFeatures.Signals }
            .Select(f => Run(train, test, best.Result.Trainer, f).Result)
            .ToList();
        return (best.Model, [best.Result, .. runs.Select(r => r.Result).Where(r => r != best.Result)], ablation);
    }
}
