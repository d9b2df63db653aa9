using System.Globalization;
using Pipeline.Core;

namespace Pipeline.Application;

/// <summary>Writes values the way a Vietnamese reader expects: 2.599,5 tỷ đồng, 98,52%, 67.795 lao động.</summary>
public static class VietnameseFormat
{
    private static readonly NumberFormatInfo Vi = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public static string Number(decimal value)
    {
        var rounded = Math.Round(value, 3);
        return rounded == Math.Truncate(rounded) ? rounded.ToString("#,0", Vi) : rounded.ToString("#,0.###", Vi);
    }

    public static string Value(Figure f)
    {
        var text = Amount(f.Value, f.Unit);
        return f.ValueMax is { } max ? $"{Amount(f.Value, f.Unit).Split(' ')[0]}–{Amount(max, f.Unit)}" : text;
    }

    public static string Amount(decimal value, string unit)
    {
        switch (unit)
        {
            case Units.Vnd:
                return Scaled(value, "đồng");
            case Units.Percent:
                return Number(value) + "%";
            case Units.Times:
                return Number(value) + " lần";
        }

        if (Units.IsMoney(unit))
        {
            return Scaled(value, unit);
        }

        var word = unit switch
        {
            Units.Project => "dự án",
            Units.Worker => "lao động",
            Units.Enterprise => "doanh nghiệp",
            Units.Procedure => "thủ tục",
            Units.Tonne => "tấn",
            Units.Item => "sản phẩm",
            Units.Count => "",
            _ => unit,
        };
        return (Number(value) + " " + word).TrimEnd();
    }

    /// <summary>The largest scale word that keeps the value exact to two decimals: 1.023,6 triệu, not 1,02 tỷ.</summary>
    private static string Scaled(decimal value, string unit)
    {
        var abs = Math.Abs(value);
        foreach (var (factor, word) in new[] { (1_000_000_000m, "tỷ"), (1_000_000m, "triệu") })
        {
            if (abs >= factor && value / factor * 100 == Math.Truncate(value / factor * 100))
            {
                return $"{Number(value / factor)} {word} {unit}";
            }
        }

        return abs >= 1_000_000m ? $"{Number(value / 1_000_000m)} triệu {unit}" : $"{Number(value)} {unit}";
    }
}
