using Pipeline.Core;

namespace Pipeline.Extraction.Figures;

/// <summary>
/// Flags a total whose unit looks wrong against its own parts: "tổng vốn 1,2 tỷ USD, trong đó FDI
/// 800 triệu USD và DDI 400 triệu USD" adds up, but "1,2 tỷ USD" beside parts of 0,8 and 0,4 triệu
/// USD does not, by a factor of a thousand, which is a slip of tỷ for triệu (or the reverse).
/// The figure is flagged for review, never changed.
/// </summary>
public static class UnitCheck
{
    private const decimal Tolerance = 0.02m;

    public static IReadOnlyList<Figure> Flag(IReadOnlyList<Figure> figures)
    {
        var result = figures.ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            var total = result[i];
            if (total.Measure != Measure.Level || total.Value <= 0 || total.Unit is "percent" or "ratio")
            {
                continue;
            }

            // The parts follow the total in its sentence, with the same metric and unit (counted and summed in order,
            // in one loop: a query per figure cost more than the check).
            var count = 0;
            var sum = 0m;
            for (var j = i + 1; j < result.Length && result[j].Sentence == total.Sentence; j++)
            {
                var p = result[j];
                if (p.Metric == total.Metric && p.Unit == total.Unit && p.Measure == Measure.Level && p.Scope != total.Scope)
                {
                    count++;
                    sum += p.Value;
                }
            }

            if (count < 2)
            {
                continue;
            }

            if (Near(sum * 1000, total.Value) || Near(sum, total.Value * 1000))
            {
                var why = Near(sum * 1000, total.Value)
                    ? $"unit-suspect: its {count} parts add up to a thousandth of it ({sum} {total.Unit})"
                    : $"unit-suspect: its {count} parts add up to a thousand times it ({sum} {total.Unit})";
                result[i] = total with { Flags = [.. total.Flags ?? [], why] };
            }
        }

        return result;
    }

    private static bool Near(decimal a, decimal b) => b != 0 && Math.Abs(a - b) <= Tolerance * Math.Abs(b);
}
