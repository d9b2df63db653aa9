using Pipeline.Core;
using Pipeline.Extraction;
using Pipeline.Extraction.Figures;

namespace Pipeline.Learning.Combining;

/// <summary>
/// The last step of extraction: every figure the rules were unsure of is shown to the metric
/// classifier, which takes over where it is surer (<see cref="RulesAndModel"/>). A figure it
/// decides says so: <c>rule</c> is "model" and <c>confidence</c> is the model's probability.
/// The rules' tier is read here, at prediction time, and never by the model, which learnt from the
/// text alone: editing a rule moves which figures reach the model, not what the model says of them.
/// </summary>
public sealed class FigureRefiner(Func<FigureContext, (string Label, double Score)> classify, CombinePolicy policy)
{
    private static readonly Lazy<FigureRefiner> ShippedRefiner = new(() => new FigureRefiner(ShippedModels.Metric.Predict, ShippedModels.Policy));

    /// <summary>The refiner with the shipped metric model and policy.</summary>
    public static FigureRefiner Shipped => ShippedRefiner.Value;

    public IReadOnlyList<Figure> Refine(PreparedText text, IReadOnlyList<Figure> figures)
    {
        // The rule's own tier, not the figure's confidence: doubt about how a number is written is no doubt about what it measures.
        if (!figures.Any(f => MetricTiers.Of(f) < policy.RulesStand))
        {
            return figures; // most figures are sure; most documents never load the model
        }

        return figures.Select(f => MetricTiers.Of(f) < policy.RulesStand ? Refine(text, f) : f).ToList();
    }

    private Figure Refine(PreparedText text, Figure figure)
    {
        var sentence = text.Sentences.FirstOrDefault(s => s.Span.Start <= figure.Start && figure.Start < s.Span.End);
        if (sentence is null || figure.End > sentence.Span.End)
        {
            return figure;
        }

        var context = TrainingRows.Around(text.Clean[sentence.Span.Start..sentence.Span.End], figure.Start - sentence.Span.Start, figure.End - figure.Start, figure.Unit);
        var (label, score) = classify(context);
        var metric = MetricUnits.Parse(label);
        var verdict = RulesAndModel.Decide(FigureJson.Name(figure.Metric), MetricTiers.Of(figure), label, score, MetricUnits.Fits(label, figure.Unit), policy);
        return verdict.ByModel && metric is { } decided
            ? figure with { Metric = decided, Confidence = verdict.Confidence, Rule = "model" }
            : figure;
    }
}
