using System.Text.RegularExpressions;

namespace Pipeline.TestSupport;

/// <summary>How well an extracted text matches its written one: F1 over a bag of lower-cased words and numbers (order and line breaks do not count).</summary>
public static partial class TokenOverlap
{
    public static double F1(string predicted, string gold)
    {
        static Dictionary<string, int> Bag(string s) => Token().Matches(s.ToLowerInvariant())
            .GroupBy(m => m.Value).ToDictionary(g => g.Key, g => g.Count());
        var p = Bag(predicted);
        var g = Bag(gold);
        var common = p.Sum(kv => Math.Min(kv.Value, g.GetValueOrDefault(kv.Key)));
        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / p.Values.Sum();
        var recall = (double)common / g.Values.Sum();
        return 2 * precision * recall / (precision + recall);
    }

    // A word, or a number with its grouping and decimal marks ("2.599,5" is one token).
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[.,][\p{N}]+)*")]
    private static partial Regex Token();
}
