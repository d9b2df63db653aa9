using Microsoft.ML.Data;

namespace Pipeline.Learning;

/// <summary>What a model learns to say of a figure: its metric or its measure (FIGURES.md).</summary>
public enum Target
{
    Metric,
    Measure,
}

public static class Targets
{
    /// <summary>The lower-case name used in file names and cards: "metric", "measure".</summary>
    public static string Name(this Target target) => target == Target.Metric ? "metric" : "measure";

    /// <summary>The row's gold label for the target.</summary>
    public static string Gold(this MetricRow row, Target target) => target == Target.Metric ? row.Metric : row.Measure;

    /// <summary>What the rules said of the row's span for the target ("none" when they found no figure there); for scoring the rules, never a feature.</summary>
    public static string Rules(this MetricRow row, Target target) => target == Target.Metric ? row.RulesMetric : row.RulesMeasure;
}

/// <summary>The row shape ML.NET reads (it needs a mutable class with properties); mirrors <see cref="FigureContext"/>.</summary>
public sealed class FigureInput
{
    public string Before { get; set; } = "";
    public string Figure { get; set; } = "";
    public string After { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Qualifier { get; set; } = "";
    public string Cues { get; set; } = "";

    /// <summary>The gold metric or measure; empty when predicting.</summary>
    public string Label { get; set; } = "";

    public static FigureInput From(FigureContext c, string label = "") => new()
    {
        Before = c.Before,
        Figure = c.Figure,
        After = c.After,
        Unit = c.Unit,
        Qualifier = c.Qualifier,
        Cues = c.Cues,
        Label = label,
    };
}

/// <summary>What a model says: the label and its per-class probabilities (in the label key order).</summary>
public sealed class FigureOutput
{
    public string Predicted { get; set; } = "";

    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
