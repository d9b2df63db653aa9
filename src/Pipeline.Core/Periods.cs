using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core;

/// <summary>Reading the period strings of the contract (FIGURES.md: "2020", "2023-H1", "2022-Q3", "2023-06", "..2023-06", "2016..2020").</summary>
public static partial class Periods
{
    /// <summary>The first year a period names, or null: "2023-Q1" → 2023, "..2023-06" → 2023, "2022-10..2023-03" → 2022.</summary>
    public static int? FirstYear(string? period)
    {
        if (period is null)
        {
            return null;
        }

        var m = Year().Match(period);
        return m.Success ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"(?:19|20)\d{2}")]
    private static partial Regex Year();
}
