using Microsoft.ML;

namespace Pipeline.Learning;

/// <summary>The shipped metric classifier (models/metric-classifier.zip): figure context in, metric and probability out.</summary>
public sealed class MetricClassifier
{
    private readonly PredictionEngine<MetricInput, MetricOutput> _engine;
    private readonly Lock _gate = new(); // a prediction engine is not thread-safe

    private MetricClassifier(PredictionEngine<MetricInput, MetricOutput> engine) => _engine = engine;

    public static MetricClassifier Load(string path)
    {
        var ml = new MLContext(seed: MetricTrainer.Seed);
        var model = ml.Model.Load(path, out _);
        return new MetricClassifier(ml.Model.CreatePredictionEngine<MetricInput, MetricOutput>(model));
    }

    public static MetricClassifier From(ITransformer model, MLContext ml) =>
        new(ml.Model.CreatePredictionEngine<MetricInput, MetricOutput>(model));

    /// <summary>The metric for a figure's context, and the model's probability for it (0 to 1).</summary>
    public (string Metric, double Score) Predict(FigureContext context)
    {
        lock (_gate)
        {
            var output = _engine.Predict(MetricInput.From(context));
            return (output.PredictedMetric, output.Score.Length == 0 ? 0 : output.Score.Max());
        }
    }

    /// <summary>The metric for the figure written <paramref name="figureText"/> in a sentence, with the unit the figure carries.</summary>
    public (string Metric, double Score) Predict(string sentence, string figureText, string unit) =>
        Predict(TrainingRows.Around(sentence, figureText, unit));
}
