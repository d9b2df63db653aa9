using Microsoft.ML;

namespace Pipeline.Learning.Combining;

/// <summary>
/// Chooses the <see cref="CombinePolicy"/> on the train split alone, so the test split stays a fair
/// measure: the train documents are cut into folds, a model trained on the other folds predicts each
/// fold's rows, and every policy on a small grid is scored on those out-of-fold predictions.
/// </summary>
public static class PolicyTuner
{
    public const int Folds = 5;

    /// <summary>Rule tiers run from 0.35 to 0.95 (MetricTiers); at 1 the model may revisit every figure.</summary>
    public static readonly IReadOnlyList<double> RulesStandGrid = [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0];

    public static readonly IReadOnlyList<double> ModelDecidesGrid = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

    /// <summary>The model's out-of-fold label and probability for every train row, in order.</summary>
    public static IReadOnlyList<(string Label, double Score)> OutOfFold(IReadOnlyList<MetricRow> train, string trainer, MLContext ml)
    {
        var predictions = new (string Label, double Score)[train.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var inFold = train.Select((r, i) => (r, i)).Where(x => Fold(x.r.Document) == fold).ToList();
            if (inFold.Count == 0)
            {
                continue;
            }

            var model = MetricTrainer.Train(train.Where(r => Fold(r.Document) != fold).ToList(), trainer, ml);
            var predicted = MetricTrainer.Predict(model, inFold.Select(x => x.r).ToList(), ml);
            for (var k = 0; k < inFold.Count; k++)
            {
                predictions[inFold[k].i] = predicted[k];
            }
        }

        return predictions;
    }

    /// <summary>
    /// The grid's best policy on the given rows and predictions (macro-F1), with its score. Ties go to the
    /// policy that lets the model decide least (rules standing lower, model needing more), so the rules
    /// keep every figure the data gives no reason to take from them.
    /// </summary>
    public static (CombinePolicy Policy, double MacroF1) Best(IReadOnlyList<MetricRow> rows, IReadOnlyList<(string Label, double Score)> predictions) =>
        RulesStandGrid.SelectMany(stand => ModelDecidesGrid.Select(decides => new CombinePolicy(stand, decides)))
            .Select(p => (Policy: p, CombinedEvaluation.Metric(rows, predictions, p).Result.MacroF1))
            .OrderByDescending(x => Math.Round(x.MacroF1, 6))
            .ThenBy(x => x.Policy.RulesStand)
            .ThenByDescending(x => x.Policy.ModelDecides)
            .First();

    // Folds by the same stable hash as the train/test split, salted so the folds do not follow the split's buckets.
    private static int Fold(string document) => DocumentSplit.Bucket("fold:" + document) % Folds;
}
