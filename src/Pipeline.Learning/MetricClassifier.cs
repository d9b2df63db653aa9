using Microsoft.ML;

namespace Pipeline.Learning;

/// <summary>A shipped classifier (models/metric-classifier.zip or measure-classifier.zip): figure context in, label and probability out.</summary>
public sealed class FigureClassifier
{
    private readonly LockedEngine<FigureInput, FigureOutput> _engine;

    private FigureClassifier(LockedEngine<FigureInput, FigureOutput> engine) => _engine = engine;

    public static FigureClassifier Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static FigureClassifier Load(Stream stream) => new(LockedEngine<FigureInput, FigureOutput>.Load(new MLContext(seed: MetricTrainer.Seed), stream));

    /// <summary>The label for a figure's context, and the model's probability for it (0 to 1). The model reads the text alone.</summary>
    public (string Label, double Score) Predict(FigureContext context)
    {
        var output = _engine.Predict(FigureInput.From(context));
        return (output.Predicted, output.Score.Length == 0 ? 0 : output.Score.Max());
    }

    /// <summary>The label for the figure written <paramref name="figureText"/> in a sentence, with the unit the figure carries.</summary>
    public (string Label, double Score) Predict(string sentence, string figureText, string unit) =>
        Predict(TrainingRows.Around(sentence, figureText, unit));
}

/// <summary>The shipped metric classifier (models/metric-classifier.zip): which metric a figure measures.</summary>
public sealed class MetricClassifier(FigureClassifier model)
{
    public static MetricClassifier Load(string path) => new(FigureClassifier.Load(path));

    public (string Metric, double Score) Predict(FigureContext context) => model.Predict(context);

    public (string Metric, double Score) Predict(string sentence, string figureText, string unit) => model.Predict(sentence, figureText, unit);
}

/// <summary>The shipped measure classifier (models/measure-classifier.zip): level, change, change_pct, share_pct, ...</summary>
public sealed class MeasureClassifier(FigureClassifier model)
{
    public static MeasureClassifier Load(string path) => new(FigureClassifier.Load(path));

    public (string Measure, double Score) Predict(FigureContext context) => model.Predict(context);

    public (string Measure, double Score) Predict(string sentence, string figureText, string unit) => model.Predict(sentence, figureText, unit);
}
