namespace Pipeline.Learning.Combining;

/// <summary>Scores rules and model together on labelled rows, exactly as <see cref="FigureRefiner"/> combines them on a document.</summary>
public static class CombinedEvaluation
{
    /// <param name="rows">The test rows, with what the rules said of each.</param>
    /// <param name="model">The model's label and probability for each row, in order.</param>
    /// <param name="policy">The thresholds.</param>
    public static (Evaluation Result, int ByModel) Metric(IReadOnlyList<MetricRow> rows, IReadOnlyList<(string Label, double Score)> model, CombinePolicy policy)
    {
        var verdicts = rows.Select((r, i) => RulesAndModel.Decide(
            r.RulesMetric,
            r.RulesConfidence,
            model[i].Label,
            model[i].Score,
            MetricUnits.Fits(model[i].Label, r.Context.Unit),
            policy)).ToList();
        var result = MetricTrainer.Score("rules + model", rows.Select(r => r.Metric).ToList(), verdicts.Select(v => v.Label).ToList());
        return (result, verdicts.Count(v => v.ByModel));
    }
}

/// <summary>
/// Rules and model together, measured: the policy tuned on the train split's out-of-fold predictions,
/// then rules alone, model alone and both on the test split.
/// </summary>
public sealed record CombinedRun(CombinePolicy Policy, double TrainMacroF1, Evaluation Test, int ByModel)
{
    public static CombinedRun Measure(IReadOnlyList<MetricRow> train, IReadOnlyList<MetricRow> test, Microsoft.ML.ITransformer model, string trainer, Microsoft.ML.MLContext ml)
    {
        var (policy, trainF1) = PolicyTuner.Best(train, PolicyTuner.OutOfFold(train, trainer, ml));
        var (result, byModel) = CombinedEvaluation.Metric(test, MetricTrainer.Predict(model, test, ml), policy);
        return new CombinedRun(policy, trainF1, result, byModel);
    }
}
