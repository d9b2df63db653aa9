using Microsoft.ML.Data;

namespace Pipeline.Learning;

/// <summary>The row shape ML.NET reads (it needs a mutable class with properties); mirrors <see cref="FigureContext"/>.</summary>
public sealed class MetricInput
{
    public string Before { get; set; } = "";
    public string Figure { get; set; } = "";
    public string After { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Qualifier { get; set; } = "";
    public string Cues { get; set; } = "";

    /// <summary>The label; empty when predicting.</summary>
    public string Metric { get; set; } = "";

    public static MetricInput From(FigureContext c, string metric = "") => new()
    {
        Before = c.Before,
        Figure = c.Figure,
        After = c.After,
        Unit = c.Unit,
        Qualifier = c.Qualifier,
        Cues = c.Cues,
        Metric = metric,
    };
}

/// <summary>What the model says: the metric and its per-class probabilities (in the label key order).</summary>
public sealed class MetricOutput
{
    public string PredictedMetric { get; set; } = "";

    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
