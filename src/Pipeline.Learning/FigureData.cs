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

    /// <summary>What the rules said of the row's span for the target ("none" when they found no figure there).</summary>
    public static string Rules(this MetricRow row, Target target) => target == Target.Metric ? row.RulesMetric : row.RulesMeasure;

    /// <summary>The rules' verdict on the row for the target, as the model reads it.</summary>
    public static RulesVerdict Verdict(this MetricRow row, Target target) => new(row.Rules(target), row.RulesConfidence);
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

    /// <summary>What the rules said of the figure (their metric or measure), or "none": the model learns when they are wrong.</summary>
    public string Rules { get; set; } = RulesVerdict.None.Label;

    /// <summary>How sure the rules' own rule is (<see cref="RulesVerdict.TierName"/>), or "none".</summary>
    public string Tier { get; set; } = RulesVerdict.None.TierName;

    /// <summary>The gold metric or measure; empty when predicting.</summary>
    public string Label { get; set; } = "";

    public static FigureInput From(FigureContext c, RulesVerdict rules, string label = "") => new()
    {
        Before = c.Before,
        Figure = c.Figure,
        After = c.After,
        Unit = c.Unit,
        Qualifier = c.Qualifier,
        Cues = c.Cues,
        Rules = rules.Label,
        Tier = rules.TierName,
        Label = label,
    };
}

/// <summary>The rules' label for a figure and their rule's tier (0 to 1; <c>Pipeline.Extraction.Figures.MetricTiers</c>).</summary>
public sealed record RulesVerdict(string Label, double Tier)
{
    /// <summary>No rules' verdict: the rules found no figure there, or the model is asked alone.</summary>
    public static readonly RulesVerdict None = new("none", 0);

    /// <summary>The tier as a category ("t75"); tiers are a handful of fixed values, not a scale.</summary>
    public string TierName => Label == "none" ? "none" : $"t{Math.Round(Tier * 100):0}";
}

/// <summary>What a model says: the label and its per-class probabilities (in the label key order).</summary>
public sealed class FigureOutput
{
    public string Predicted { get; set; } = "";

    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
