using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Storage;

namespace Pipeline.Application;

/// <summary>How finely a chart over time steps: a point a year, or a point a quarter.</summary>
public enum PeriodGrain
{
    Year,
    Quarter,
}

/// <summary>
/// What one chart draws: one metric and measure, of one scope, in one unit (values in different units
/// or scopes cannot share an axis), results only (never targets).
/// </summary>
/// <param name="Metric">The metric drawn.</param>
/// <param name="Measure">Its measure.</param>
/// <param name="Scope">fdi, domestic or none (a total).</param>
/// <param name="Unit">The unit of every value drawn.</param>
public sealed record ChartSlice(string Metric, string Measure, string Scope, string Unit);

/// <summary>A slice the store has facts for, with how many.</summary>
public sealed record SliceCount(ChartSlice Slice, int Facts);

/// <summary>One province's facts over time, in period order.</summary>
public sealed record FactSeries(string Province, IReadOnlyList<StoredFact> Points);

/// <summary>A metric over time: the periods of the axis (every year or quarter from the first to the last, gaps included) and a series per province.</summary>
public sealed record TimeChart(PeriodGrain Grain, IReadOnlyList<string> Periods, IReadOnlyList<FactSeries> Series);

/// <summary>Provinces compared for one period: a bar per province, largest first.</summary>
public sealed record CompareChart(string? Period, IReadOnlyList<StoredFact> Bars);

/// <summary>A value a chart can be set to, with how many facts (or provinces) stand behind it.</summary>
public sealed record ChartChoice(string Value, int Count);

/// <summary>What the user asked the charts for; null means "the default", which <see cref="FactQueries.Charts"/> chooses from the data.</summary>
public sealed record ChartRequest
{
    public string Metric { get; init; } = "investment_capital";

    public string Measure { get; init; } = "level";

    public string? Scope { get; init; }

    public string? Unit { get; init; }

    /// <summary>The provinces drawn over time, as stored; empty: the three with the most facts.</summary>
    public IReadOnlyList<string> Provinces { get; init; } = [];

    public PeriodGrain? Grain { get; init; }

    public int? FromYear { get; init; }

    public int? ToYear { get; init; }

    /// <summary>The period the provinces are compared for; null: the one most provinces report.</summary>
    public string? Period { get; init; }
}

/// <summary>Both charts of a request, the choices resolved, and what else could be chosen.</summary>
public sealed record ChartSet(
    ChartSlice Slice,
    IReadOnlyList<SliceCount> Slices,
    IReadOnlyList<PeriodGrain> Grains,
    IReadOnlyList<ChartChoice> Provinces,
    IReadOnlyList<ChartChoice> Periods,
    IReadOnlyList<string> ChosenProvinces,
    TimeChart Time,
    CompareChart Compare);

/// <summary>The facts use cases: facts by filter (the API), and the two charts drawn from them.</summary>
public static partial class FactQueries
{
    /// <summary>How many provinces a chart over time draws when none is chosen.</summary>
    public const int DefaultProvinces = 3;

    /// <summary>The facts matching <paramref name="filter"/>.</summary>
    public static IReadOnlyList<StoredFact> Find(DocumentStore store, FactFilter filter) => store.Facts(filter);

    /// <summary>
    /// The charts of <paramref name="request"/>, from the facts that are results (not targets): the slice
    /// (scope and unit) asked for or else the one with the most facts; a metric over time for the chosen
    /// provinces (or the <see cref="DefaultProvinces"/> with the most facts); and the provinces compared
    /// for the chosen period (or the one the most provinces report, the latest of equals).
    /// </summary>
    public static ChartSet Charts(DocumentStore store, ChartRequest request)
    {
        var all = store.Facts(new FactFilter { Metric = request.Metric, Measure = request.Measure, Target = false });
        var slices = all.GroupBy(f => (Scope: f.Scope ?? FigureFilter.NoScope, f.Unit))
            .Select(g => new SliceCount(new ChartSlice(request.Metric, request.Measure, g.Key.Scope, g.Key.Unit), g.Count()))
            .OrderByDescending(s => s.Facts).ThenBy(s => s.Slice.Unit, StringComparer.Ordinal).ThenBy(s => s.Slice.Scope, StringComparer.Ordinal)
            .ToList();
        var best = slices.FirstOrDefault(s => (request.Scope is null || s.Slice.Scope == request.Scope) && (request.Unit is null || s.Slice.Unit == request.Unit))?.Slice;
        var slice = new ChartSlice(request.Metric, request.Measure, request.Scope ?? best?.Scope ?? FigureFilter.NoScope, request.Unit ?? best?.Unit ?? "");
        var facts = all.Where(f => (f.Scope ?? FigureFilter.NoScope) == slice.Scope && f.Unit == slice.Unit).ToList();

        var grains = Enum.GetValues<PeriodGrain>().Where(g => facts.Any(f => GrainOf(f.Period) == g)).ToList();
        var grain = request.Grain ?? (grains.Count > 0 ? grains[0] : PeriodGrain.Year);
        var overTime = facts.Where(f => GrainOf(f.Period) == grain && InYears(f.Period, request.FromYear, request.ToYear)).ToList();
        var provinces = overTime.GroupBy(f => f.Province).Select(g => new ChartChoice(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
        var chosen = request.Provinces.Count > 0 ? request.Provinces.Distinct().ToList() : provinces.Take(DefaultProvinces).Select(c => c.Value).ToList();
        var series = chosen.Select(p => new FactSeries(p, [.. overTime.Where(f => f.Province == p).OrderBy(f => f.Period, StringComparer.Ordinal)])).ToList();
        var drawn = series.SelectMany(s => s.Points).Select(f => f.Period).ToList();
        IReadOnlyList<string> axis = drawn.Count == 0 ? [] : Steps(drawn.Min(StringComparer.Ordinal)!, drawn.Max(StringComparer.Ordinal)!, grain);

        var periods = facts.GroupBy(f => f.Period).Select(g => new ChartChoice(g.Key, g.Select(f => f.Province).Distinct().Count()))
            .OrderByDescending(c => c.Value, StringComparer.Ordinal).ToList();
        var period = request.Period ?? periods.OrderByDescending(c => c.Count).ThenByDescending(c => c.Value, StringComparer.Ordinal).FirstOrDefault()?.Value;
        var bars = facts.Where(f => f.Period == period).OrderByDescending(f => f.Value).ThenBy(f => f.Province, StringComparer.Ordinal).ToList();

        return new ChartSet(slice, slices, grains, provinces, periods, chosen, new TimeChart(grain, axis, series), new CompareChart(period, bars));
    }

    /// <summary>A period's grain when it is a whole year ("2023") or a quarter ("2023-Q1"); null for anything else (halves, months, ranges, cumulative).</summary>
    public static PeriodGrain? GrainOf(string period) =>
        YearPattern().IsMatch(period) ? PeriodGrain.Year : QuarterPattern().IsMatch(period) ? PeriodGrain.Quarter : null;

    /// <summary>Every year or quarter from <paramref name="first"/> to <paramref name="last"/>, both included: "2022-Q3".."2023-Q2" gives four.</summary>
    public static IReadOnlyList<string> Steps(string first, string last, PeriodGrain grain)
    {
        int Index(string p) => grain == PeriodGrain.Year
            ? int.Parse(p, CultureInfo.InvariantCulture)
            : (int.Parse(p[..4], CultureInfo.InvariantCulture) * 4) + (p[^1] - '1');
        string Name(int i) => grain == PeriodGrain.Year
            ? i.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{i / 4}-Q{(i % 4) + 1}");
        var (from, to) = (Index(first), Index(last));
        return [.. Enumerable.Range(from, Math.Max(0, to - from + 1)).Select(Name)];
    }

    private static bool InYears(string period, int? from, int? to)
    {
        var year = int.Parse(period[..4], CultureInfo.InvariantCulture);
        return (from is null || year >= from) && (to is null || year <= to);
    }

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^\d{4}-Q[1-4]$")]
    private static partial Regex QuarterPattern();
}
