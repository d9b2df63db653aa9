using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace Pipeline.Learning;

/// <summary>Precision, recall and F1 of one class on the test split, with its support (test rows labelled so).</summary>
public sealed record ClassScore(string Metric, int Support, double Precision, double Recall, double F1);

/// <summary>One trainer's result on the test split. Confusion[i][j] counts rows of class i predicted as class j.</summary>
public sealed record Evaluation(string Trainer, double Accuracy, double MacroF1, IReadOnlyList<ClassScore> Classes, IReadOnlyList<string> Labels, int[][] Confusion);

/// <summary>
/// Trains the metric (or measure) classifier: text features of the clause before, the figure and the clause after
/// (word and character n-grams), the sentence's metric cue phrases, one-hot unit and qualifier, then a
/// multiclass trainer. Every source of randomness is fixed (MLContext seed 1, one thread) so the same
/// rows give the same model and the same metrics.
/// </summary>
public static class MetricTrainer
{
    public const int Seed = 1;

    /// <summary>The trainers compared; the first is the default.</summary>
    public static readonly IReadOnlyList<string> Trainers = ["sdca-maxent", "lbfgs-maxent", "lightgbm"];

    public static ITransformer Train(IReadOnlyList<MetricRow> rows, string trainer, MLContext ml, Target target = Target.Metric)
    {
        // The text alone, never the rules' verdict: a rule edit then changes nothing this model learnt.
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => FigureInput.From(r.Context, r.Gold(target))));
        var features = ml.Transforms.Conversion.MapValueToKey("Label", nameof(FigureInput.Label))
            .Append(ml.Transforms.Text.FeaturizeText("BeforeF", nameof(FigureInput.Before)))
            .Append(ml.Transforms.Text.FeaturizeText("FigureF", nameof(FigureInput.Figure)))
            .Append(ml.Transforms.Text.FeaturizeText("AfterF", nameof(FigureInput.After)))
            .Append(ml.Transforms.Text.FeaturizeText("CuesF", nameof(FigureInput.Cues)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("UnitF", nameof(FigureInput.Unit)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("QualifierF", nameof(FigureInput.Qualifier)))
            .Append(ml.Transforms.Concatenate("Features", "BeforeF", "FigureF", "AfterF", "CuesF", "UnitF", "QualifierF"));
        IEstimator<ITransformer> learner = trainer switch
        {
            "sdca-maxent" => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }),
            "lbfgs-maxent" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }),
            // Few rows per class: smaller leaves than the default 20, or rare classes never get a leaf.
            "lightgbm" => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options { NumberOfThreads = 1, Seed = Seed, MinimumExampleCountPerLeaf = 3, NumberOfIterations = 200 }),
            _ => throw new ArgumentException($"unknown trainer '{trainer}'", nameof(trainer)),
        };
        return features.Append(learner)
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(FigureOutput.Predicted), "PredictedLabel"))
            .Fit(data);
    }

    /// <summary>Predicts the test rows with the model alone and scores them against their gold label.</summary>
    public static Evaluation Evaluate(ITransformer model, IReadOnlyList<MetricRow> test, string trainer, MLContext ml, Target target = Target.Metric) =>
        Score(trainer, test.Select(r => r.Gold(target)).ToList(), Predict(model, test, ml, target).Select(p => p.Label).ToList());

    /// <summary>The model's label and its probability for each row, in order.</summary>
    public static IReadOnlyList<(string Label, double Score)> Predict(ITransformer model, IReadOnlyList<MetricRow> rows, MLContext ml, Target target = Target.Metric)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => FigureInput.From(r.Context, r.Gold(target))));
        return ml.Data.CreateEnumerable<FigureOutput>(model.Transform(data), reuseRowObject: false)
            .Select(o => (o.Predicted, o.Score.Length == 0 ? 0d : o.Score.Max()))
            .ToList();
    }

    /// <summary>Per-class P/R/F1, accuracy and macro-F1 (the mean F1 over classes present in the gold labels) of predictions against gold.</summary>
    public static Evaluation Score(string trainer, IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var labels = gold.Concat(predicted).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        for (var i = 0; i < gold.Count; i++)
        {
            confusion[index[gold[i]]][index[predicted[i]]]++;
        }

        var classes = labels.Select((l, i) =>
        {
            var tp = confusion[i][i];
            var support = confusion[i].Sum();
            var called = confusion.Sum(row => row[i]);
            var p = called == 0 ? 0 : (double)tp / called;
            var r = support == 0 ? 0 : (double)tp / support;
            return new ClassScore(l, support, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
        }).ToList();
        var present = classes.Where(c => c.Support > 0).ToList();
        var accuracy = gold.Count == 0 ? 0 : (double)Enumerable.Range(0, gold.Count).Count(i => gold[i] == predicted[i]) / gold.Count;
        return new Evaluation(trainer, accuracy, present.Count == 0 ? 0 : present.Average(c => c.F1), classes, labels, confusion);
    }

    /// <summary>Trains every trainer on the train split, evaluates each on the test split, and returns all results (best macro-F1 first) with the best model.</summary>
    public static (ITransformer Model, IReadOnlyList<Evaluation> Results) TrainBest(IReadOnlyList<MetricRow> train, IReadOnlyList<MetricRow> test, MLContext ml, IReadOnlyList<string>? trainers = null, Target target = Target.Metric)
    {
        var results = (trainers ?? Trainers).Select(t =>
        {
            var model = Train(train, t, ml, target);
            return (Model: model, Result: Evaluate(model, test, t, ml, target));
        }).ToList();
        // Ties go to the earlier trainer in the list, so the choice is stable.
        var best = results.OrderByDescending(r => Math.Round(r.Result.MacroF1, 6)).First();
        return (best.Model, results.Select(r => r.Result).OrderByDescending(r => Math.Round(r.MacroF1, 6)).ToList());
    }
}
