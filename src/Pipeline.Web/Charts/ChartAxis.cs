using System.Globalization;
using Pipeline.Application;
using Pipeline.Core;

namespace Pipeline.Web.Charts;

/// <summary>One drawn value: whose, when, how much, whether its reports disagree, where its documents are, and what a pointer shows.</summary>
public sealed record ChartPoint(string Province, string Period, decimal Value, bool Conflict, string Href, string Tooltip);

/// <summary>
/// A value axis: round ticks (1, 2 or 5 times a power of ten) covering the values and zero, and the scale
/// its labels are written in (tỷ USD, triệu đồng, %) so a label reads "1,5" rather than "1.500.000.000".
/// </summary>
public sealed record ChartAxis(decimal Low, decimal High, IReadOnlyList<decimal> Ticks, decimal Divisor, string Title)
{
    /// <summary>The axis for <paramref name="values"/> in <paramref name="unit"/>, zero always included.</summary>
    public static ChartAxis For(IReadOnlyCollection<decimal> values, string unit, int ticks = 5)
    {
        var low = Math.Min(0m, values.Count == 0 ? 0m : values.Min());
        var high = Math.Max(0m, values.Count == 0 ? 0m : values.Max());
        if (low == high)
        {
            high = low + 1;
        }

        var step = Step((double)(high - low) / ticks);
        var first = Math.Floor(low / step) * step;
        var last = Math.Ceiling(high / step) * step;
        var list = new List<decimal>();
        for (var t = first; t <= last; t += step)
        {
            list.Add(t);
        }

        var (divisor, title) = Scale(Math.Max(Math.Abs(first), Math.Abs(last)), unit);
        return new ChartAxis(first, last, list, divisor, title);
    }

    /// <summary>Where <paramref name="value"/> falls between the axis ends, 0 to 1.</summary>
    public double Fraction(decimal value) => (double)((value - Low) / (High - Low));

    /// <summary>A tick's label, the Vietnamese way, in the axis's scale: "1,5", "250", "12.000".</summary>
    public string Label(decimal tick) => VietnameseFormat.Number(tick / Divisor);

    /// <summary>A round step near <paramref name="raw"/>: 1, 2 or 5 times a power of ten.</summary>
    public static decimal Step(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var residual = raw / magnitude;
        var nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        return (decimal)(nice * magnitude);
    }

    /// <summary>The scale word and unit the axis is written in, as Vietnamese writes amounts: money in tỷ or triệu, others as they are.</summary>
    private static (decimal Divisor, string Title) Scale(decimal largest, string unit)
    {
        var money = unit == Units.Vnd ? "đồng" : Units.IsMoney(unit) ? unit : null;
        if (money is not null)
        {
            return largest >= 1_000_000_000m ? (1_000_000_000m, "tỷ " + money)
                : largest >= 1_000_000m ? (1_000_000m, "triệu " + money)
                : (1m, money);
        }

        // The unit's word as the value formatter writes it after a number ("dự án", "lao động", "%", "ha").
        var word = VietnameseFormat.Amount(1, unit);
        return (1m, word.StartsWith('1') ? word[1..].Trim() : unit);
    }

    /// <summary>A coordinate for SVG: invariant, two decimals.</summary>
    public static string Coord(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
