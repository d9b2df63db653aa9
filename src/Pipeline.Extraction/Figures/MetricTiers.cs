using Pipeline.Core;

namespace Pipeline.Extraction.Figures;

/// <summary>
/// How sure each metric rule is on its own: a unit that names the metric beats a cue word next to the
/// number, which beats a cue far back in the sentence, which beats none. A figure's confidence starts
/// here and drops further for doubts about the number itself (an inferred unit, an ambiguous
/// separator); <see cref="Of"/> gives back the rule's own tier, which is what says whether the
/// metric, not the number, is in doubt.
/// </summary>
public static class MetricTiers
{
    public const double Unit = 0.95;
    public const double Cue = 0.9;
    public const double SameSubject = 0.85;
    public const double Rate = 0.8;
    public const double CueBefore = 0.75;
    public const double CountCue = 0.7;
    public const double Counted = 0.6;
    public const double NoCue = 0.4;

    /// <summary>A share with no cue ("chiếm 40%" of nothing named) is the least sure of all.</summary>
    public const double NoCueShare = 0.35;

    /// <summary>
    /// The tier of the rule that chose the figure's metric (the part of <c>rule</c> before '+'), read from that rule's row
    /// in <see cref="FigureRules"/>, so renaming or adding a rule cannot leave its tier behind; the figure's confidence when
    /// no rule of the table names it (a figure the model decided).
    /// </summary>
    public static double Of(Figure figure)
    {
        var rule = figure.Rule.AsSpan();
        var plus = rule.IndexOf('+');
        return FigureRules.TierOf(plus < 0 ? rule : rule[..plus], figure.Measure) ?? figure.Confidence;
    }
}
