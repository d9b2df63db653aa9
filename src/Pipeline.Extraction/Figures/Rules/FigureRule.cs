using Pipeline.Core;
using Pipeline.Extraction.Numbers;

namespace Pipeline.Extraction.Figures;

/// <summary>What a rule decides: the metric (the part of a figure's <c>rule</c> before '+'), the measure (after it), or that a number is no figure.</summary>
public enum RuleKind
{
    Metric,
    Measure,
    NotAFigure,
}

/// <summary>
/// One named decision of the figures layer, in the Duckling manner: its name (what a figure's <c>rule</c> field
/// says), when it applies and what it decides (as text for the docs, as code in the subtypes), and phrases it is
/// written for with the value it must decide on. A name ending in ':' or '-' is a family whose members carry the
/// cue or unit that fired ("cue:vốn đầu tư", "unit-ha").
/// </summary>
public abstract record FigureRule(string Name, RuleKind Kind, string When, string Gives, IReadOnlyList<(string Text, decimal Value)> Examples)
{
    /// <summary>Whether a figure's rule part is this rule (or a member of this family).</summary>
    public bool Names(string part) => Name.EndsWith(':') || Name.EndsWith('-') ? part.StartsWith(Name, StringComparison.Ordinal) : part == Name;
}

/// <summary>
/// A row of the metric table: <see cref="Decide"/> gives the figure's metric (or <see cref="MetricDecision.NotAFigure"/>)
/// when the row applies, null when it does not. <see cref="Tier"/> is how sure the row is (<see cref="MetricTiers"/>);
/// <see cref="ShareTier"/>, when set, replaces it for a share.
/// </summary>
public sealed record MetricRule(string Name, RuleKind Kind, string When, string Gives, double Tier,
    Func<FigureSituation, MetricDecision?> Decide, IReadOnlyList<(string Text, decimal Value)> Examples)
    : FigureRule(Name, Kind, When, Gives, Examples)
{
    public double? ShareTier { get; init; }
}

/// <summary>A revision of the metric decided by the table: it reads that decision and gives another, or null to leave it.</summary>
public sealed record MetricRevision(string Name, string When, string Gives, double Tier,
    Func<FigureSituation, MetricDecision, MetricDecision?> Revise, IReadOnlyList<(string Text, decimal Value)> Examples)
    : FigureRule(Name, RuleKind.Metric, When, Gives, Examples);

/// <summary>A row of the measure table: <see cref="Decide"/> reads the situation and the metric decided, and gives the measure, or null.</summary>
public sealed record MeasureRule(string Name, string When, string Gives,
    Func<FigureSituation, MetricDecision, MeasureDecision?> Decide, IReadOnlyList<(string Text, decimal Value)> Examples)
    : FigureRule(Name, RuleKind.Measure, When, Gives, Examples);

/// <summary>A revision of the measure decided by the table.</summary>
public sealed record MeasureRevision(string Name, string When, string Gives,
    Func<FigureSituation, MeasureDecision, MeasureDecision?> Revise, IReadOnlyList<(string Text, decimal Value)> Examples)
    : FigureRule(Name, RuleKind.Measure, When, Gives, Examples);

/// <summary>
/// A metric rule's verdict: the metric, the unit and value the figure takes (a breakdown or a subject list may
/// change them), the class of that unit, a scope the rule gave (<paramref name="OwnScope"/>: the part's own, kept
/// over what the words around say), and the cue or unit a family's name carries.
/// </summary>
public readonly record struct MetricDecision(Metric Metric, string Unit, decimal Value, UnitClass Class, Scope? Scope = null,
    bool OwnScope = false, string? Detail = null)
{
    /// <summary>The number is no figure: nothing it could measure is in the contract, or nothing says what it counts.</summary>
    public bool IsNotAFigure { get; private init; }

    public static MetricDecision NotAFigure { get; } = new() { IsNotAFigure = true, Unit = "" };
}

/// <summary>A measure rule's verdict: the measure, the value it gives (signed for a fall), its approximation, and whether it is the prior period's level.</summary>
public readonly record struct MeasureDecision(Measure Measure, decimal Value, Approx Approx, bool PriorPeriod = false);

/// <summary>A rule that fired for a quantity, with the figure it made (null when the rule said it is no figure).</summary>
public readonly record struct RuleFiring(FigureRule Rule, Quantity Quantity, Figure? Figure);
