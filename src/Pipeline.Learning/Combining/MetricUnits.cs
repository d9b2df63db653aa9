using Pipeline.Core;

namespace Pipeline.Learning.Combining;

/// <summary>
/// Which metrics a unit can measure (FIGURES.md): money is capital, value, revenue or budget; a count
/// of projects is projects. The model reads the unit too, but a guard keeps a slip from ever calling
/// a sum of dollars a number of workers.
/// </summary>
public static class MetricUnits
{
    private static readonly HashSet<Metric> Money =
    [
        Metric.InvestmentCapital, Metric.ProductionValue, Metric.Revenue, Metric.ExportValue, Metric.ImportValue,
        Metric.TradeValue, Metric.BudgetContribution,
    ];

    private static readonly Dictionary<string, Metric> CountedBy = new(StringComparer.Ordinal)
    {
        [Units.Project] = Metric.Projects,
        [Units.Worker] = Metric.Labour,
        [Units.Enterprise] = Metric.Enterprises,
        [Units.Procedure] = Metric.AdminProcedures,
        [Units.Hectare] = Metric.LandArea,
        [Units.SquareMetre] = Metric.LandArea,
        [Units.CubicMetre] = Metric.OutputQuantity,
        [Units.Tonne] = Metric.OutputQuantity,
        [Units.Item] = Metric.OutputQuantity,
    };

    /// <summary>Whether the metric named <paramref name="label"/> (FIGURES.md spelling) can measure the unit; false for a name this build does not know.</summary>
    public static bool Fits(string label, string unit) => Parse(label) is { } metric && Fits(metric, unit);

    /// <summary>A FIGURES.md metric name (investment_capital) as the enum; null for a name this build does not know.</summary>
    public static Metric? Parse(string name) =>
        Enum.TryParse<Metric>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var metric) && Enum.IsDefined(metric) ? metric : null;

    public static bool Fits(Metric metric, string unit)
    {
        if (metric == Metric.Other || unit is Units.Percent or Units.Times)
        {
            return true;
        }

        if (unit.Contains('/'))
        {
            return false; // a rate (USD/m2, m3/day) is a price or a capacity, which the rules already name
        }

        if (IsCurrency(unit))
        {
            return Money.Contains(metric);
        }

        return CountedBy.TryGetValue(unit, out var only) ? metric == only : !Money.Contains(metric);
    }

    // ISO 4217 codes are three capital letters (VND, USD, JPY).
    private static bool IsCurrency(string unit) => unit.Length == 3 && unit.All(char.IsAsciiLetterUpper);
}
